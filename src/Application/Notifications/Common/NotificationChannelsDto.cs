namespace Crm.Application.Notifications.Common;

/// <summary>Whether one type of notification is shown in the app and sent by email.</summary>
public sealed record NotificationChannelsDto(bool? InApp, bool? Email);
