namespace Crm.Domain.Imports;

public enum ImportFileFormat
{
    Csv,
    Xlsx,
}
