using Ardalis.Specification;
using Crm.Domain.Organizations;

namespace Crm.Application.Auth.Common;

/// <summary>The organizations a user is a member of, each with all its memberships, as their rules need them.</summary>
public sealed class OrganizationsOfMemberSpecification : Specification<Organization>
{
    public OrganizationsOfMemberSpecification(Guid userId) =>
        Query.Where(o => o.Memberships.Any(m => m.UserId == userId)).Include(o => o.Memberships);
}
