using Ardalis.Specification;
using Crm.Domain.Deals;

namespace Crm.Application.Deals.Commands.UpsertDeals;

/// <summary>The organization's deal with this external id (exact).</summary>
public sealed class DealMatchSpecification : Specification<Deal>, ISingleResultSpecification<Deal>
{
    public DealMatchSpecification(Guid organizationId, string externalId) =>
        Query.AsNoTracking().Where(d => d.OrganizationId == organizationId && d.ExternalId == externalId);
}
