namespace Crm.Application.Notifications.Queries.ReadNotificationStream;

/// <summary>The notifications after a cursor, oldest first, and the cursor to ask from next.</summary>
public sealed record NotificationStreamPage(IReadOnlyList<StreamedNotification> Items, long Cursor);
