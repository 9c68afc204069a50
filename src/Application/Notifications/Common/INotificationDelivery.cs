namespace Crm.Application.Notifications.Common;

/// <summary>
/// Hands stored notifications on to whoever is listening (live connections), once they have committed. The stored rows
/// stay the truth: a listener that missed one reads it from the list.
/// </summary>
public interface INotificationDelivery
{
    Task DeliverAsync(IReadOnlyList<StoredNotification> notifications, CancellationToken cancellationToken);

    /// <summary>Tells the person's live connections their new unread count, once marking read has committed.</summary>
    Task UnreadCountChangedAsync(Guid userId, CancellationToken cancellationToken);
}
