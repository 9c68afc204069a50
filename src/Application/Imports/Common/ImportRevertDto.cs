namespace Crm.Application.Imports.Common;

/// <summary>What a revert did: contacts deleted and restored, and the ones it left alone (the first 1,000 listed).</summary>
public sealed record ImportRevertDto(Guid ImportId, long Deleted, long Restored, long SkippedTotal, IReadOnlyList<SkippedRecordDto> Skipped);
