using Ardalis.Specification;
using Crm.Domain.ApiKeys;

namespace Crm.Application.Auth.Common;

/// <summary>The unrevoked API keys a user created, in every organization.</summary>
public sealed class LiveApiKeysCreatedBySpecification : Specification<ApiKey>
{
    public LiveApiKeysCreatedBySpecification(Guid userId) =>
        Query.Where(k => k.CreatedBy == userId && k.RevokedAt == null);
}
