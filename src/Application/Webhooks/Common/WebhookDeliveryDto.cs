using Crm.Domain.Common;
using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

/// <summary>One delivery in a webhook's log.</summary>
public sealed class WebhookDeliveryDto : ICreationOrdered
{
    public required Guid Id { get; init; }

    /// <summary>Sent as Crm-Event-Id: the same on every attempt and redelivery of the event.</summary>
    public required Guid EventId { get; init; }

    public required string EventType { get; init; }

    public required WebhookDeliveryStatus Status { get; init; }

    public required int Attempts { get; init; }

    public required int? LastStatusCode { get; init; }

    public required int? LastDurationMs { get; init; }

    public required string? LastError { get; init; }

    public required DateTime? LastAttemptAt { get; init; }

    /// <summary>When the next attempt is due, while the delivery is pending.</summary>
    public required DateTime? NextAttemptAt { get; init; }

    public required DateTime? DeliveredAt { get; init; }

    public required DateTime CreatedAt { get; init; }
}
