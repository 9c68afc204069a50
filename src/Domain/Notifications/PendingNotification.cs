using Crm.Domain.Common;

namespace Crm.Domain.Notifications;

/// <summary>
/// A notification waiting to be made, written in the transaction of the change that causes it: it is never made for a
/// change that rolled back, and never lost for one that committed. The processor turns it into a
/// <see cref="Notification"/> (by the recipient's preferences) and deletes it, in one transaction.
/// </summary>
public sealed class PendingNotification : Entity
{
    public const int SubjectMaxLength = 300;

    private PendingNotification()
    {
        Type = string.Empty;
    }

    public Guid UserId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Type { get; private set; }

    public string? RecordType { get; private set; }

    public Guid? RecordId { get; private set; }

    public Guid? ActorId { get; private set; }

    /// <summary>The name of what it is about (a deal's title, a task's title, an organization's name).</summary>
    public string? Subject { get; private set; }

    /// <summary>A detail of the change (the stage a deal moved to, the number of rows exported).</summary>
    public string? Detail { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static PendingNotification Queue(
        Guid userId, Guid organizationId, string type, string? recordType, Guid? recordId, Guid? actorId, string? subject,
        string? detail, DateTime now) => new()
        {
            Id = NewId(),
            UserId = userId,
            OrganizationId = organizationId,
            Type = type,
            RecordType = recordType,
            RecordId = recordId,
            ActorId = actorId,
            Subject = Cut(subject),
            Detail = Cut(detail),
            CreatedAt = now,
        };

    private static string? Cut(string? text) => text is { Length: > SubjectMaxLength } ? text[..SubjectMaxLength] : text;
}
