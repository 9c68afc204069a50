using Crm.Domain.Activities;

namespace Crm.Application.Activities.Common;

/// <summary>What a request to log or edit an activity says, once validated, as the entity takes it.</summary>
public static class LoggedActivityInput
{
    public static LoggedActivity Details(string? subject, string? body, DateTime? occurredAt, int? durationMinutes, string? outcome) =>
        new(
            string.IsNullOrWhiteSpace(subject) ? null : subject.Trim(),
            body!.Trim(),
            occurredAt!.Value.ToUniversalTime(),
            durationMinutes,
            string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim());
}
