using System.Text;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Validation;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Webhooks.Commands.CreateWebhook;

/// <summary>
/// Registers an endpoint for the current organization's events. The answer carries the signing secret, which is
/// never shown again (it is stored encrypted, to sign).
/// </summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("create_webhook")]
public sealed record CreateWebhookCommand(string Url, IReadOnlyList<string> Events, [MultilineText] string? Description = null, bool? Active = null)
    : ICommand<CreatedWebhookDto>, IOrganizationScoped;

public sealed class CreateWebhookCommandHandler(
    IRepository<Webhook> webhooks,
    IWebhookTargetPolicy targets,
    ISecretProtector protector,
    IRequestContext context,
    IAuditTrail audit,
    TimeProvider time)
    : IRequestHandler<CreateWebhookCommand, CreatedWebhookDto>
{
    public async Task<CreatedWebhookDto> Handle(CreateWebhookCommand request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var actor = context.RequireActor();
        var existing = await webhooks.ListAsync(new WebhooksOfOrganizationSpecification(organizationId), cancellationToken);
        if (existing.Count >= Webhook.MaxPerOrganization)
        {
            throw new ConflictException(ErrorCatalog.WebhookLimitReached, $"An organization has at most {Webhook.MaxPerOrganization} webhooks.");
        }

        if (await targets.CheckAsync(request.Url, cancellationToken) is { } refused)
        {
            throw new InvalidInputException(refused);
        }

        var secret = WebhookSecrets.Generate();
        var webhook = Webhook.Register(
            organizationId, actor, request.Url, request.Events, request.Description, request.Active ?? true,
            Encoding.UTF8.GetBytes(secret), protector.Protect, time.UtcNow());
        webhooks.Add(webhook);
        audit.Record(new AuditEvent("create_webhook", "webhook", webhook.Id, null,
        [
            new AuditChange("url", null, webhook.Url),
            new AuditChange("events", null, string.Join(',', webhook.Events)),
            new AuditChange("active", null, webhook.Active ? "true" : "false"),
        ]));
        return new CreatedWebhookDto(
            webhook.Id, webhook.Url, webhook.Events, webhook.Description, webhook.Active, secret, webhook.CreatedAt, webhook.UpdatedAt);
    }
}
