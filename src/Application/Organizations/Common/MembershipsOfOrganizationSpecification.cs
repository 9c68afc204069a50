using Ardalis.Specification;
using Crm.Domain.Organizations;

namespace Crm.Application.Organizations.Common;

/// <summary>An organization's memberships: who belongs to it, and since when.</summary>
public sealed class MembershipsOfOrganizationSpecification : Specification<Membership>
{
    public MembershipsOfOrganizationSpecification(Guid organizationId) =>
        Query.AsNoTracking().Where(m => m.OrganizationId == organizationId);
}
