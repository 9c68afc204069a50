namespace Crm.Application.Notifications.Common;

/// <summary>How many of a person's notifications are unread.</summary>
public sealed record UnreadCountDto(int UnreadCount);
