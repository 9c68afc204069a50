using Ardalis.Specification;
using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

/// <summary>Every webhook of an organization.</summary>
public sealed class WebhooksOfOrganizationSpecification : Specification<Webhook>
{
    public WebhooksOfOrganizationSpecification(Guid organizationId) =>
        Query.Where(w => w.OrganizationId == organizationId);
}
