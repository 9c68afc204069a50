using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Webhooks.Commands.PingWebhook;

/// <summary>Sends a <c>ping</c> event to an active webhook, to test the receiver; answers the delivery to follow.</summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the webhook id in the path, which routing accepts as a UUID only.")]
[AuditAction("ping_webhook")]
public sealed record PingWebhookCommand(Guid Id) : ICommand<WebhookDeliveryDto>, IOrganizationScoped;

public sealed class PingWebhookCommandHandler(IRepository<Webhook> webhooks, IWebhookOutbox outbox, IRequestContext context)
    : IRequestHandler<PingWebhookCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(PingWebhookCommand request, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetInOrganizationAsync(request.Id, context, ErrorCatalog.WebhookNotFound, cancellationToken);
        var actor = context.RequireActor();
        webhook.CheckCanDelete(actor);
        if (!webhook.Active)
        {
            throw new ConflictException(ErrorCatalog.WebhookInactive);
        }

        var delivery = outbox.Ping(webhook, context.ActorTypeOf(actor.UserId), actor.UserId);
        return WebhookDeliveries.Summary(delivery);
    }
}
