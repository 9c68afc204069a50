using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using MediatR;

namespace Crm.Application.Webhooks.Queries.ListWebhooks;

/// <summary>The current organization's webhooks, newest first.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListWebhooksQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<WebhookDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListWebhooksQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<ListWebhooksQuery, PagedList<WebhookDto>>
{
    public Task<PagedList<WebhookDto>> Handle(ListWebhooksQuery request, CancellationToken cancellationToken) =>
        store.ToPageAsync(WebhooksOfOrganization.Query(store, context.RequireOrganizationId()), request, cancellationToken);
}
