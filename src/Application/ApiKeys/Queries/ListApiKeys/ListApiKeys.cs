using Crm.Application.ApiKeys.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Domain.ApiKeys;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.ApiKeys.Queries.ListApiKeys;

/// <summary>The current organization's unrevoked keys (expired ones too, until revoked), newest first.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListApiKeysQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ApiKeyDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListApiKeysQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<ListApiKeysQuery, PagedList<ApiKeyDto>>
{
    public Task<PagedList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var query =
            from k in store.Query<ApiKey>()
            join u in store.Query<User>() on k.CreatedBy equals u.Id
            where k.OrganizationId == organizationId && k.RevokedAt == null
            orderby k.CreatedAt descending, k.Id descending
            select new ApiKeyDto(
                k.Id, k.Name, k.Role, k.ReadOnly, k.Prefix, new ApiKeyCreatorDto(u.Id, u.Name), k.CreatedAt, k.ExpiresAt, k.LastUsedAt);
        return store.ToPageAsync(query, request, cancellationToken);
    }
}
