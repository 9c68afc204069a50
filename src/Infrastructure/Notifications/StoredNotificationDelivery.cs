using Crm.Application.Notifications.Common;

namespace Crm.Infrastructure.Notifications;

/// <summary>The delivery when no live channel is plugged in: clients read the stored notifications from the API.</summary>
internal sealed class StoredNotificationDelivery : INotificationDelivery
{
    public Task DeliverAsync(IReadOnlyList<NotificationDto> notifications, CancellationToken cancellationToken) => Task.CompletedTask;
}
