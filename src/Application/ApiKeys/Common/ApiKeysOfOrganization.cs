using Crm.Application.Common.Interfaces;
using Crm.Domain.ApiKeys;
using Crm.Domain.Users;

namespace Crm.Application.ApiKeys.Common;

public static class ApiKeysOfOrganization
{
    /// <summary>
    /// The organization's unrevoked keys (or the one with <paramref name="id"/>) as their administrators see them,
    /// newest first; never a secret.
    /// </summary>
    public static IQueryable<ApiKeyDto> Query(IReadStore store, Guid organizationId, Guid? id = null) =>
        from k in store.Query<ApiKey>()
        join u in store.Query<User>() on k.CreatedBy equals u.Id
        where k.OrganizationId == organizationId && k.RevokedAt == null && (id == null || k.Id == id)
        orderby k.CreatedAt descending, k.Id descending
        select new ApiKeyDto(
            k.Id, k.Name, k.Role, k.ReadOnly, k.Prefix, new ApiKeyCreatorDto(u.Id, u.Name), k.CreatedAt, k.ExpiresAt, k.LastUsedAt);
}
