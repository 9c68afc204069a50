using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Webhooks.Commands.RedeliverWebhookDelivery;

/// <summary>
/// Sends a delivery's event again, now, as a new delivery with the same event id and body (the receiver can tell it
/// has seen it); the original keeps its log.
/// </summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only inputs are the ids in the path, which routing accepts as UUIDs only.")]
[AuditAction("redeliver_webhook_delivery")]
public sealed record RedeliverWebhookDeliveryCommand(Guid WebhookId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>, IOrganizationScoped;

public sealed class RedeliverWebhookDeliveryCommandHandler(
    IRepository<Webhook> webhooks, IRepository<WebhookDelivery> deliveries, IRequestContext context, TimeProvider time)
    : IRequestHandler<RedeliverWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(RedeliverWebhookDeliveryCommand request, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetInOrganizationAsync(request.WebhookId, context, ErrorCatalog.WebhookNotFound, cancellationToken);
        webhook.CheckCanDelete(context.RequireActor());
        var original = await deliveries.FirstOrDefaultAsync(
                new WebhookDeliveryOfWebhookSpecification(webhook.OrganizationId, webhook.Id, request.DeliveryId), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.WebhookDeliveryNotFound);
        if (!webhook.Active)
        {
            throw new ConflictException(ErrorCatalog.WebhookInactive);
        }

        var again = WebhookDelivery.Again(original, time.UtcNow());
        deliveries.Add(again);
        return WebhookDeliveries.Summary(again);
    }
}
