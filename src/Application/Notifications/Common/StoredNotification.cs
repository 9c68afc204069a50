namespace Crm.Application.Notifications.Common;

/// <summary>A notification just stored, with the person it is for.</summary>
public sealed record StoredNotification(Guid UserId, NotificationDto Notification);
