using Ardalis.Specification;
using Crm.Domain.Common;

namespace Crm.Application.Common.Specifications;

/// <summary>One record by id, only when it belongs to the organization: another organization's id finds nothing.</summary>
public sealed class RecordInOrganizationSpecification<T> : Specification<T>, ISingleResultSpecification<T>
    where T : Entity, ITenantOwned
{
    public RecordInOrganizationSpecification(Guid id, Guid organizationId) =>
        Query.Where(e => e.Id == id && e.OrganizationId == organizationId).AsNoTracking();
}
