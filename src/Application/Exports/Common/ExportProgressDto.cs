namespace Crm.Application.Exports.Common;

/// <summary>Rows written so far, of the rows the filters matched when the run began.</summary>
public sealed record ExportProgressDto(long RowsDone, long? RowsTotal);
