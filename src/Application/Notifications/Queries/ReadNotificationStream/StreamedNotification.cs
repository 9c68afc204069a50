using Crm.Application.Notifications.Common;

namespace Crm.Application.Notifications.Queries.ReadNotificationStream;

/// <summary>A notification with its stream cursor (the event id a client resumes from).</summary>
public sealed record StreamedNotification(long Sequence, NotificationDto Notification);
