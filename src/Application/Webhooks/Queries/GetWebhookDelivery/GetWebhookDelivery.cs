using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Webhooks.Queries.GetWebhookDelivery;

/// <summary>One delivery of one of the organization's webhooks, with the body sent and the start of the answer.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record GetWebhookDeliveryQuery(Guid WebhookId, Guid DeliveryId) : IQuery<WebhookDeliveryDetailDto>, IOrganizationScoped;

public sealed class GetWebhookDeliveryQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<GetWebhookDeliveryQuery, WebhookDeliveryDetailDto>
{
    public async Task<WebhookDeliveryDetailDto> Handle(GetWebhookDeliveryQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        if (!await store.AnyAsync(WebhooksOfOrganization.Query(store, organizationId, request.WebhookId), cancellationToken))
        {
            throw new NotFoundException(ErrorCatalog.WebhookNotFound);
        }

        var query =
            from d in WebhookDeliveriesOfWebhook.Query(store, organizationId, request.WebhookId)
            where d.Id == request.DeliveryId
            select new WebhookDeliveryDetailDto(
                d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastDurationMs, d.LastError, d.LastAttemptAt,
                d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.CreatedAt, d.Payload, d.LastResponseBody);
        return await store.FirstOrDefaultAsync(query, cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.WebhookDeliveryNotFound);
    }
}
