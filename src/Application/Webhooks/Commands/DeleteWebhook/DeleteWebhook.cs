using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Webhooks.Commands.DeleteWebhook;

/// <summary>Deletes a webhook; nothing more is sent to it from the commit on.</summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the webhook id in the path, which routing accepts as a UUID only.")]
[AuditAction("delete_webhook")]
public sealed record DeleteWebhookCommand(Guid Id) : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteWebhookCommandHandler(IRepository<Webhook> webhooks, IRequestContext context, IAuditTrail audit)
    : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand request, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetInOrganizationAsync(request.Id, context, ErrorCatalog.WebhookNotFound, cancellationToken);
        webhook.CheckCanDelete(context.RequireActor());
        webhooks.Remove(webhook);
        audit.Record(new AuditEvent("delete_webhook", "webhook", webhook.Id, null, [new AuditChange("url", webhook.Url, null)]));
        return Unit.Value;
    }
}
