using Crm.Domain.Changes;

namespace Crm.Application.Changes.Common;

/// <summary>One change of the feed, with the record as it is now (null once it is deleted).</summary>
public sealed record ChangeDto(
    long Sequence,
    ChangedRecordType Type,
    Guid Id,
    ChangeAction Action,
    DateTime ChangedAt,
    object? Data);
