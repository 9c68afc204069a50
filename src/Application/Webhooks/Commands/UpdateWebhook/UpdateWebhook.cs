using System.Text.Json.Serialization;
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

namespace Crm.Application.Webhooks.Commands.UpdateWebhook;

/// <summary>A partial update; turning a webhook on again clears the reason the service turned it off.</summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("update_webhook")]
public sealed record UpdateWebhookCommand(
    [property: JsonIgnore] Guid Id,
    Optional<string> Url,
    Optional<IReadOnlyList<string>> Events,
    [MultilineText] Optional<string?> Description,
    Optional<bool> Active)
    : ICommand<WebhookDto>, IOrganizationScoped;

public sealed class UpdateWebhookCommandHandler(
    IRepository<Webhook> webhooks,
    IWebhookTargetPolicy targets,
    IRequestContext context,
    IAuditTrail audit,
    TimeProvider time)
    : IRequestHandler<UpdateWebhookCommand, WebhookDto>
{
    public async Task<WebhookDto> Handle(UpdateWebhookCommand request, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetInOrganizationAsync(request.Id, context, ErrorCatalog.WebhookNotFound, cancellationToken);
        if (request.Url.IsSet && await targets.CheckAsync(request.Url.Value, cancellationToken) is { } refused)
        {
            throw new InvalidInputException(refused);
        }

        var before = (webhook.Url, Events: string.Join(',', webhook.Events), webhook.Active);
        webhook.Update(context.RequireActor(), new WebhookChanges(request.Url, request.Events, request.Description, request.Active), time.UtcNow());
        var after = (webhook.Url, Events: string.Join(',', webhook.Events), webhook.Active);
        List<AuditChange> changes = [];
        if (before.Url != after.Url)
        {
            changes.Add(new AuditChange("url", before.Url, after.Url));
        }

        if (before.Events != after.Events)
        {
            changes.Add(new AuditChange("events", before.Events, after.Events));
        }

        if (before.Active != after.Active)
        {
            changes.Add(new AuditChange("active", before.Active ? "true" : "false", after.Active ? "true" : "false"));
        }

        audit.Record(new AuditEvent("update_webhook", "webhook", webhook.Id, null, changes));
        return new WebhookDto(
            webhook.Id, webhook.Url, webhook.Events, webhook.Description, webhook.Active, webhook.CreatedAt, webhook.UpdatedAt,
            webhook.DeactivatedAt, webhook.DeactivationReason, webhook.FailingSince);
    }
}
