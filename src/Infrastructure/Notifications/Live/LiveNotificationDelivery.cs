using Crm.Application.Notifications.Common;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>
/// Pushes notifications, once stored and committed, to their people's hub connections (on every instance, through the
/// Redis backplane when configured) and wakes their event streams; then tells them their new unread counts. A push that
/// fails is logged: the stored notification stays, and the client finds it in the list or when its stream resumes.
/// </summary>
internal sealed class LiveNotificationDelivery(
    IHubContext<NotificationHub> hub, UnreadCounts unreadCounts, NotificationFeed feed, ILogger<LiveNotificationDelivery> logger)
    : INotificationDelivery
{
    public async Task DeliverAsync(IReadOnlyList<StoredNotification> notifications, CancellationToken cancellationToken)
    {
        try
        {
            var userIds = notifications.Select(n => n.UserId).Distinct().ToList();
            await feed.PublishAsync(userIds);
            foreach (var stored in notifications)
            {
                await hub.Clients.Group(NotificationHub.GroupOf(stored.UserId))
                    .SendAsync(NotificationHub.NotificationMessage, stored.Notification, cancellationToken);
            }

            // The counts last: a client told of a new notification may then show its new unread count.

            await SendUnreadCountsAsync(userIds, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Live delivery of {Count} stored notifications failed", notifications.Count);
        }
    }

    public async Task UnreadCountChangedAsync(Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            await SendUnreadCountsAsync([userId], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Live delivery of an unread count failed");
        }
    }

    private async Task SendUnreadCountsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        foreach (var (userId, count) in await unreadCounts.OfAsync(userIds, cancellationToken))
        {
            await hub.Clients.Group(NotificationHub.GroupOf(userId)).SendAsync(NotificationHub.UnreadCountMessage, count, cancellationToken);
        }
    }
}
