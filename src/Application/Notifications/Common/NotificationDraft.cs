namespace Crm.Application.Notifications.Common;

/// <summary>
/// A notification to make for one person: what it is about and who caused it. The processor gives it its words, by the
/// recipient's preferences, after the change commits.
/// </summary>
/// <param name="Subject">The name of what it is about (a deal's title, a task's title).</param>
/// <param name="Detail">A detail of the change (the stage a deal moved to, the rows of an export).</param>
public sealed record NotificationDraft(
    Guid UserId, Guid OrganizationId, string Type, string? RecordType, Guid? RecordId, Guid? ActorId, string? Subject = null,
    string? Detail = null);
