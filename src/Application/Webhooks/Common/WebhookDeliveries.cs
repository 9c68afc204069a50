using System.Linq.Expressions;
using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

public static class WebhookDeliveries
{
    /// <summary>A delivery as its log shows it; a query translates it (member initialisation, so cursors can page it).</summary>
    public static Expression<Func<WebhookDelivery, WebhookDeliveryDto>> ToSummary { get; } = d => new WebhookDeliveryDto
    {
        Id = d.Id,
        EventId = d.EventId,
        EventType = d.EventType,
        Status = d.Status,
        Attempts = d.Attempts,
        LastStatusCode = d.LastStatusCode,
        LastDurationMs = d.LastDurationMs,
        LastError = d.LastError,
        LastAttemptAt = d.LastAttemptAt,
        NextAttemptAt = d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
        DeliveredAt = d.DeliveredAt,
        CreatedAt = d.CreatedAt,
    };

    private static readonly Func<WebhookDelivery, WebhookDeliveryDto> Compiled = ToSummary.Compile();

    public static WebhookDeliveryDto Summary(WebhookDelivery delivery) => Compiled(delivery);
}
