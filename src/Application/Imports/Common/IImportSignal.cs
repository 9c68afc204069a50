namespace Crm.Application.Imports.Common;

/// <summary>Wakes this instance's import runner when a queued import has committed, instead of at its next poll.</summary>
public interface IImportSignal
{
    void Wake();
}
