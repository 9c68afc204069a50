namespace Crm.Domain.Exports;

public enum ExportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
