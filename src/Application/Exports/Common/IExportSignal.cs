namespace Crm.Application.Exports.Common;

/// <summary>Wakes this instance's export runner when a queued export has committed, instead of at its next poll.</summary>
public interface IExportSignal
{
    void Wake();
}
