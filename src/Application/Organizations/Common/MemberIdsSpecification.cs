using Ardalis.Specification;
using Crm.Domain.Organizations;

namespace Crm.Application.Organizations.Common;

/// <summary>The user ids of an organization's members.</summary>
public sealed class MemberIdsSpecification : Specification<Membership, Guid>
{
    public MemberIdsSpecification(Guid organizationId) =>
        Query.AsNoTracking().Where(m => m.OrganizationId == organizationId).Select(m => m.UserId);
}
