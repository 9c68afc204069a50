using System.Globalization;
using Crm.Domain.Notifications;

namespace Crm.Application.Notifications.Common;

/// <summary>What an import tells the person who started it when it has merged its rows.</summary>
public static class ImportFinishedNotification
{
    /// <summary>
    /// Queues the <c>import_finished</c> notification in the import's merging transaction (the service, not the
    /// requester, is its actor, so the requester is told); an import that failed says so with its code first.
    /// </summary>
    public static void Queue(
        INotificationOutbox outbox, Guid organizationId, Guid requestedBy, Guid importId, string fileName, long created,
        long updated, long failed, string? errorCode = null) =>
        outbox.Queue(new NotificationDraft(
            requestedBy, organizationId, NotificationTypes.ImportFinished, NotificationRecordTypes.Import, importId, null,
            fileName,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{(errorCode is null ? string.Empty : $"stopped ({errorCode}) after ")}{created:N0} created, {updated:N0} updated, {failed:N0} failed")));
}
