namespace Crm.Application.Exports.Common;

/// <summary>Rows of an export (the list endpoint's DTOs), with the number of rows the filters matched at the start.</summary>
public sealed record ExportPage(IReadOnlyList<object> Rows, long Total);
