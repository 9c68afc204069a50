using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>A webhook's deliveries, newest first, by page or by cursor; optionally of one status.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListWebhookDeliveriesQuery(
    Guid WebhookId, WebhookDeliveryStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize, string? Cursor = null)
    : IQuery<PagedList<WebhookDeliveryDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListWebhookDeliveriesQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<ListWebhookDeliveriesQuery, PagedList<WebhookDeliveryDto>>
{
    public async Task<PagedList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        if (!await store.AnyAsync(WebhooksOfOrganization.Query(store, organizationId, request.WebhookId), cancellationToken))
        {
            throw new NotFoundException(ErrorCatalog.WebhookNotFound);
        }

        var query = WebhookDeliveriesOfWebhook.Query(store, organizationId, request.WebhookId, request.Status)
            .Select(WebhookDeliveries.ToSummary);
        return await store.ToPageAsync(query, request, SortOrder.Desc, cancellationToken);
    }
}
