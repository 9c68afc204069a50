namespace Crm.Application.Notifications.Common;

/// <summary>How many of a person's notifications in one organization are unread.</summary>
public sealed record OrganizationUnreadCountDto(Guid OrganizationId, int UnreadCount);
