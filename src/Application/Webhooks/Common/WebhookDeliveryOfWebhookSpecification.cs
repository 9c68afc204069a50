using Ardalis.Specification;
using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

/// <summary>One delivery of one webhook of an organization; any other combination finds nothing.</summary>
public sealed class WebhookDeliveryOfWebhookSpecification : Specification<WebhookDelivery>, ISingleResultSpecification<WebhookDelivery>
{
    public WebhookDeliveryOfWebhookSpecification(Guid organizationId, Guid webhookId, Guid deliveryId) =>
        Query.Where(d => d.Id == deliveryId && d.WebhookId == webhookId && d.OrganizationId == organizationId);
}
