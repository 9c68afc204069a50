using System.Text;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>
/// Gives a webhook a new signing secret, shown this once. For a day the deliveries carry two signatures (new and
/// previous), so a receiver can switch without refusing anything.
/// </summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the webhook id in the path, which routing accepts as a UUID only.")]
[AuditAction("rotate_webhook_secret")]
public sealed record RotateWebhookSecretCommand(Guid Id) : ICommand<WebhookSecretDto>, IOrganizationScoped;

public sealed class RotateWebhookSecretCommandHandler(
    IRepository<Webhook> webhooks, ISecretProtector protector, IRequestContext context, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<RotateWebhookSecretCommand, WebhookSecretDto>
{
    public async Task<WebhookSecretDto> Handle(RotateWebhookSecretCommand request, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetInOrganizationAsync(request.Id, context, ErrorCatalog.WebhookNotFound, cancellationToken);
        var secret = WebhookSecrets.Generate();
        webhook.RotateSecret(context.RequireActor(), Encoding.UTF8.GetBytes(secret), protector.Protect, time.UtcNow());
        audit.Record(new AuditEvent("rotate_webhook_secret", "webhook", webhook.Id, null, []));
        return new WebhookSecretDto(secret, webhook.PreviousSecretExpiresAt!.Value);
    }
}
