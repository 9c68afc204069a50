using Crm.Domain.Changes;

namespace Crm.Application.Changes.Common;

/// <summary>One change of the feed, with the record as it is now (null once it is deleted).</summary>
/// <param name="Sequence">The change's number: unique, and increasing within one transaction's changes.</param>
/// <param name="Data">The record now, as GET /contacts/{id}, /deals/{id}, /tasks/{id} or /companies/{id} (without its counts) shows it (by type); null once it is deleted.</param>
public sealed record ChangeDto(
    long Sequence,
    ChangedRecordType Type,
    Guid Id,
    ChangeAction Action,
    DateTime ChangedAt,
    object? Data);
