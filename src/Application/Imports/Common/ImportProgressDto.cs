namespace Crm.Application.Imports.Common;

/// <summary>Rows settled so far (written, unchanged or failed), of the file's data rows.</summary>
public sealed record ImportProgressDto(long RowsDone, long RowsTotal);
