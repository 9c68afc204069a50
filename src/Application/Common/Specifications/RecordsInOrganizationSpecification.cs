using Ardalis.Specification;
using Crm.Domain.Common;

namespace Crm.Application.Common.Specifications;

/// <summary>The records of the given ids that belong to the organization; another organization's ids find nothing.</summary>
public sealed class RecordsInOrganizationSpecification<T> : Specification<T>
    where T : Entity, ITenantOwned
{
    public RecordsInOrganizationSpecification(IReadOnlyCollection<Guid> ids, Guid organizationId) =>
        Query.Where(e => ids.Contains(e.Id) && e.OrganizationId == organizationId).AsNoTracking();
}
