namespace Crm.Domain.Imports;

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>Undone by a revert: what it created is deleted, what it changed is restored where nobody changed it since.</summary>
    Reverted,
}
