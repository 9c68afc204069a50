using Crm.Application.Common.Interfaces;
using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

public static class WebhookDeliveriesOfWebhook
{
    /// <summary>A webhook's deliveries (of the organization's webhook only), newest first.</summary>
    public static IQueryable<WebhookDelivery> Query(IReadStore store, Guid organizationId, Guid webhookId, WebhookDeliveryStatus? status = null) =>
        from d in store.Query<WebhookDelivery>()
        where d.OrganizationId == organizationId && d.WebhookId == webhookId && (status == null || d.Status == status)
        orderby d.CreatedAt descending, d.Id descending
        select d;
}
