using Ardalis.Specification;
using Crm.Domain.ApiKeys;

namespace Crm.Application.ApiKeys.Common;

/// <summary>
/// A key of an organization that still works (neither revoked nor expired): an invitation an admin key sent is
/// accepted outside that organization's requests, by a person signed in elsewhere or not yet signed in.
/// </summary>
public sealed class LiveApiKeySpecification : Specification<ApiKey>, ISingleResultSpecification<ApiKey>
{
    public LiveApiKeySpecification(Guid organizationId, Guid apiKeyId, DateTime now) =>
        Query.AsNoTracking()
            .Where(k => k.Id == apiKeyId && k.OrganizationId == organizationId
                && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now));
}
