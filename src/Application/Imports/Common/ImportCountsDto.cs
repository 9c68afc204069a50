namespace Crm.Application.Imports.Common;

/// <summary>What the rows settled so far did; a dry run counts what they would do.</summary>
public sealed record ImportCountsDto(long Created, long Updated, long Unchanged, long Failed);
