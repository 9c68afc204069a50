using System.Text.Json.Serialization;
using Crm.Domain.Activities;
using Crm.Domain.Auditing;

namespace Crm.Application.Activities.Common;

/// <summary>
/// One timeline entry; which <see cref="Payload"/> fields are present depends on the type. Logged notes, calls,
/// meetings and emails carry their subject, body, occurred_at, duration_minutes and outcome; comments and notes the
/// members they mention. deal_id, contact_id and company_id name the records whose timelines show the entry.
/// </summary>
public sealed record ActivityDto(
    Guid Id,
    Guid? DealId,
    Guid AuthorId,
    ActorType AuthorType,
    ActivityType Type,
    ActivityPayload Payload,
    DateTime CreatedAt,
    Guid? ContactId,
    Guid? CompanyId,
    string? Subject,
    string? Body,
    DateTime? OccurredAt,
    int? DurationMinutes,
    string? Outcome,
    IReadOnlyList<Guid> Mentions,
    DateTime? UpdatedAt);

/// <summary>
/// The details of a timeline entry. <c>comment</c>: text. <c>status_changed</c>, <c>stage_changed</c>: from, to.
/// <c>deal_updated</c>: changes. <c>task_created</c>, <c>task_completed</c>: task_id, title. <c>system</c>: event,
/// title.
/// </summary>
public sealed record ActivityPayload
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FieldChangeDto>? Changes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? TaskId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Event { get; init; }
}

/// <summary>One field of a <c>deal_updated</c> entry, its old and new values as text (amounts with two decimals).</summary>
public sealed record FieldChangeDto(string Field, string? From, string? To);
