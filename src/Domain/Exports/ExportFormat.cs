namespace Crm.Domain.Exports;

public enum ExportFormat
{
    Csv,
    Json,
    Xlsx,
}
