using Ardalis.Specification;
using Crm.Domain.ApiKeys;

namespace Crm.Application.ApiKeys.Common;

/// <summary>An organization's unrevoked key by its id (expired ones included); another organization's id finds nothing.</summary>
public sealed class LiveApiKeyOfOrganizationSpecification : Specification<ApiKey>, ISingleResultSpecification<ApiKey>
{
    public LiveApiKeyOfOrganizationSpecification(Guid organizationId, Guid apiKeyId) =>
        Query.Where(k => k.Id == apiKeyId && k.OrganizationId == organizationId && k.RevokedAt == null);
}
