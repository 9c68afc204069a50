using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

/// <summary>
/// One delivery with the body sent and the start of the receiver's answer. The request's headers are Crm-Event-Id and
/// Crm-Event-Type as shown; Crm-Timestamp and Crm-Signature are made anew for each attempt.
/// </summary>
public sealed record WebhookDeliveryDetailDto(
    Guid Id,
    Guid EventId,
    string EventType,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastError,
    DateTime? LastAttemptAt,
    DateTime? NextAttemptAt,
    DateTime? DeliveredAt,
    DateTime CreatedAt,
    string RequestBody,
    string? ResponseBody);
