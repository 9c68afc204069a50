namespace Crm.Infrastructure.Exports;

/// <summary>Rows written so far, of the rows the filters matched when the export began.</summary>
public readonly record struct ExportProgress(long Done, long Total);
