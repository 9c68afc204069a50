namespace Crm.Application.Notifications.Common;

/// <summary>
/// A person's unread notifications as live connections are told them: the total in all their organizations, and per
/// organization (those with none left out).
/// </summary>
public sealed record LiveUnreadCountDto(int UnreadCount, IReadOnlyList<OrganizationUnreadCountDto> Organizations);
