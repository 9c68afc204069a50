namespace Crm.Application.Notifications.Common;

/// <summary>A notification as the API and live delivery show it.</summary>
public sealed record NotificationDto(
    Guid Id,
    string Type,
    string Title,
    string Body,
    NotificationRecordDto? Record,
    NotificationActorDto? Actor,
    Guid OrganizationId,
    DateTime CreatedAt,
    DateTime? ReadAt);
