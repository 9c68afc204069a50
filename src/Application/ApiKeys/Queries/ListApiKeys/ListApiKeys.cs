using Crm.Application.ApiKeys.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using MediatR;

namespace Crm.Application.ApiKeys.Queries.ListApiKeys;

/// <summary>The current organization's unrevoked keys (expired ones too, until revoked), newest first.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListApiKeysQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ApiKeyDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListApiKeysQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<ListApiKeysQuery, PagedList<ApiKeyDto>>
{
    public Task<PagedList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken) =>
        store.ToPageAsync(ApiKeysOfOrganization.Query(store, context.RequireOrganizationId()), request, cancellationToken);
}
