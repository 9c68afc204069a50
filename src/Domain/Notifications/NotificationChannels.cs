namespace Crm.Domain.Notifications;

/// <summary>Where a type of notification reaches its recipient.</summary>
public sealed record NotificationChannels(bool InApp, bool Email);
