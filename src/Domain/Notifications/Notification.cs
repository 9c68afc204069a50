using Crm.Domain.Common;

namespace Crm.Domain.Notifications;

/// <summary>
/// Something a person should learn about, in one of their organizations: shown in the app (unless they turned the type
/// off there) and emailed (if they want it by email) once the grouping window, their quiet hours or digest allow.
/// </summary>
public sealed class Notification : Entity, ICreationOrdered
{
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 1000;

    private Notification()
    {
        Type = Title = Body = string.Empty;
    }

    /// <summary>
    /// The order in which notifications were stored, given by the database when the row is written; stored in that order
    /// and never reused, it is the live stream's resume cursor.
    /// </summary>
    public long Sequence { get; private set; }

    public Guid UserId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Type { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>What the notification is about (<c>deal</c>, <c>task</c>, ...), if anything.</summary>
    public string? RecordType { get; private set; }

    public Guid? RecordId { get; private set; }

    /// <summary>Who caused it; null when the service did (a due date, a finished export).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The actor's name when it happened.</summary>
    public string? ActorName { get; private set; }

    /// <summary>Whether the app lists it: false when the recipient wants this type by email only.</summary>
    public bool InApp { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>When its email may go (with every other pending one of the recipient); null when none is wanted.</summary>
    public DateTime? EmailDueAt { get; private set; }

    /// <summary>When its email went, or was dropped because everything in it had been read in the app.</summary>
    public DateTime? EmailedAt { get; private set; }

    /// <param name="id">The id of the queued event it comes from: processing that event twice cannot store it twice.</param>
    public static Notification Create(
        Guid id, Guid userId, Guid organizationId, string type, string title, string body, string? recordType, Guid? recordId,
        Guid? actorId, string? actorName, bool inApp, DateTime? emailDueAt, DateTime now) => new()
        {
            Id = id,
            UserId = userId,
            OrganizationId = organizationId,
            Type = type,
            Title = Truncate(title, TitleMaxLength),
            Body = Truncate(body, BodyMaxLength),
            RecordType = recordType,
            RecordId = recordId,
            ActorId = actorId,
            ActorName = actorName,
            InApp = inApp,
            CreatedAt = now,
            EmailDueAt = emailDueAt,
        };

    /// <summary>Marks it read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTime now) => ReadAt ??= now;

    /// <summary>Records that its email went (or was not needed, everything in it having been read).</summary>
    public void MarkEmailed(DateTime now) => EmailedAt ??= now;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
