using Ardalis.Specification;
using Crm.Domain.Organizations;

namespace Crm.Application.Organizations.Common;

/// <summary>An organization with all its memberships: the aggregate whole, as its rules need it.</summary>
public sealed class OrganizationWithMembersSpecification : Specification<Organization>, ISingleResultSpecification<Organization>
{
    public OrganizationWithMembersSpecification(Guid organizationId)
    {
        OrganizationId = organizationId;
        Query.Where(o => o.Id == organizationId).Include(o => o.Memberships);
    }

    public Guid OrganizationId { get; }
}
