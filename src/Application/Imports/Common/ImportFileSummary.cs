using Crm.Domain.Imports;

namespace Crm.Application.Imports.Common;

/// <summary>What checking an uploaded file found: its format, its header's column names in order, its data rows.</summary>
public sealed record ImportFileSummary(ImportFileFormat Format, IReadOnlyList<string> Headers, long Rows);
