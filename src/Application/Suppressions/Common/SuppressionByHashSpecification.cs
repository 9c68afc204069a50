using Ardalis.Specification;
using Crm.Domain.Suppressions;

namespace Crm.Application.Suppressions.Common;

/// <summary>The organization's suppression of one hash.</summary>
public sealed class SuppressionByHashSpecification : Specification<Suppression>, ISingleResultSpecification<Suppression>
{
    public SuppressionByHashSpecification(Guid organizationId, string hash) =>
        Query.Where(s => s.OrganizationId == organizationId && s.Hash == hash);
}
