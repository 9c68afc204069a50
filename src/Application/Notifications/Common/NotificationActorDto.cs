namespace Crm.Application.Notifications.Common;

/// <summary>Who caused a notification, with their name when it happened.</summary>
public sealed record NotificationActorDto(Guid Id, string Name);
