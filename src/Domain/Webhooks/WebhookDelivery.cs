using Crm.Domain.Common;

namespace Crm.Domain.Webhooks;

/// <summary>
/// One event on its way to one webhook, written in the transaction of the change that caused it (a rolled-back change
/// sends nothing; a committed one is never lost). The dispatcher records each attempt on it.
/// </summary>
public sealed class WebhookDelivery : Entity, ITenantOwned
{
    /// <summary>How much of a receiver's answer is kept.</summary>
    public const int ResponseBodyMaxLength = 4096;

    private WebhookDelivery()
    {
        EventType = Payload = string.Empty;
    }

    public Guid OrganizationId { get; private set; }

    public Guid WebhookId { get; private set; }

    /// <summary>The event's id, sent as Crm-Event-Id: the same on every attempt and redelivery.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The record the event is about: deliveries of one record reach a webhook in the order of its changes.</summary>
    public Guid? RecordId { get; private set; }

    /// <summary>The JSON body sent.</summary>
    public string Payload { get; private set; }

    /// <summary>Orders deliveries as they were written.</summary>
    public long Sequence { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public int? LastDurationMs { get; private set; }

    public string? LastError { get; private set; }

    public string? LastResponseBody { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    /// <param name="id">The delivery's id when the caller orders several (see the outbox); a new one otherwise.</param>
    public static WebhookDelivery Schedule(
        Webhook webhook, Guid eventId, string eventType, Guid? recordId, string payload, DateTime now, Guid? id = null) => new()
        {
            Id = id ?? NewId(),
            OrganizationId = webhook.OrganizationId,
            WebhookId = webhook.Id,
            EventId = eventId,
            EventType = eventType,
            RecordId = recordId,
            Payload = payload,
            Status = WebhookDeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };

    /// <summary>A new attempt at an earlier delivery's event: the same event id and body, due now, with its own log.</summary>
    public static WebhookDelivery Again(WebhookDelivery original, DateTime now) => new()
    {
        Id = NewId(),
        OrganizationId = original.OrganizationId,
        WebhookId = original.WebhookId,
        EventId = original.EventId,
        EventType = original.EventType,
        RecordId = null,
        Payload = original.Payload,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };
}
