namespace Crm.Domain.Activities;

/// <summary>What a person writes when logging a note, call, meeting or email (already trimmed and checked).</summary>
public sealed record LoggedActivity(
    string? Subject, string Body, DateTime OccurredAt, int? DurationMinutes, string? Outcome);
