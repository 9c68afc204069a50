using Crm.Application.Common.Models;
using Crm.Application.Webhooks.Commands.CreateWebhook;
using Crm.Application.Webhooks.Commands.DeleteWebhook;
using Crm.Application.Webhooks.Commands.PingWebhook;
using Crm.Application.Webhooks.Commands.RedeliverWebhookDelivery;
using Crm.Application.Webhooks.Commands.RotateWebhookSecret;
using Crm.Application.Webhooks.Commands.UpdateWebhook;
using Crm.Application.Webhooks.Common;
using Crm.Application.Webhooks.Queries.GetWebhook;
using Crm.Application.Webhooks.Queries.GetWebhookDelivery;
using Crm.Application.Webhooks.Queries.ListWebhookDeliveries;
using Crm.Application.Webhooks.Queries.ListWebhooks;
using Crm.Domain.Errors;
using Crm.Domain.Webhooks;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Webhooks
{
    private const string Base = "/api/v1/webhooks";

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Webhooks").RequireAuthorization().RequireOrganizationHeader();
        group.MapPost("/", Create).WithName("Webhooks_Create")
            .WithSummary("Register a webhook for the organization's events (owner, admin)")
            .WithDescription("The answer's secret is shown this once. Each delivery is a POST signed with it: the header " +
                "Crm-Signature: v1=<hex HMAC-SHA256 of \"{Crm-Timestamp}.{body}\"> (the key is the secret's UTF-8 bytes). " +
                "Events: contact.created|updated|deleted, company.created|updated|deleted, deal.created|updated|deleted|status_changed|stage_changed|won|lost, " +
                "task.created|updated|completed|deleted, comment.created, activity.created|updated|deleted, member.added|removed; * and deal.* style wildcards.")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.WebhookEventUnknown, ErrorCatalog.WebhookUrlInsecure, ErrorCatalog.WebhookUrlPrivate, ErrorCatalog.WebhookUrlUnresolvable)
            .ProducesProblems(ErrorCatalog.WebhookLimitReached);
        group.MapGet("/", List).WithName("Webhooks_List")
            .WithSummary("The organization's webhooks, newest first (owner, admin); never their secrets")
            .ProducesProblems(ErrorCatalog.InsufficientRole);
        group.MapGet("/{id:guid}", Get).WithName("Webhooks_Get")
            .WithSummary("One webhook (owner, admin); never its secret")
            .ProducesProblems(ErrorCatalog.InsufficientRole)
            .ProducesProblems(ErrorCatalog.WebhookNotFound);
        group.MapPatch("/{id:guid}", Update).WithName("Webhooks_Update")
            .WithSummary("Change a webhook's URL, events, description, or turn it on or off (owner, admin)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.WebhookEventUnknown, ErrorCatalog.WebhookUrlInsecure, ErrorCatalog.WebhookUrlPrivate, ErrorCatalog.WebhookUrlUnresolvable)
            .ProducesProblems(ErrorCatalog.WebhookNotFound, ErrorCatalog.ConcurrentUpdate);
        group.MapDelete("/{id:guid}", Delete).WithName("Webhooks_Delete")
            .WithSummary("Delete a webhook: nothing more is sent to it (owner, admin)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.WebhookNotFound, ErrorCatalog.ConcurrentUpdate);
        group.MapPost("/{id:guid}/rotate-secret", RotateSecret).WithName("Webhooks_RotateSecret")
            .WithSummary("Give a webhook a new signing secret, shown once; for 24 hours deliveries carry both signatures (owner, admin)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.WebhookNotFound, ErrorCatalog.ConcurrentUpdate);
        group.MapPost("/{id:guid}/ping", Ping).WithName("Webhooks_Ping")
            .WithSummary("Send a ping event to an active webhook to test its receiver (owner, admin); answers the delivery")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.WebhookNotFound)
            .ProducesProblems(ErrorCatalog.WebhookInactive);
        group.MapGet("/{id:guid}/deliveries", ListDeliveries).WithName("Webhooks_ListDeliveries")
            .WithSummary("A webhook's deliveries, newest first, by page or cursor (owner, admin); kept 30 days")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.InvalidCursor)
            .ProducesProblems(ErrorCatalog.WebhookNotFound);
        group.MapGet("/{id:guid}/deliveries/{delivery_id:guid}", GetDelivery).WithName("Webhooks_GetDelivery")
            .WithSummary("One delivery with the body sent and the first 4 KB of the answer (owner, admin)")
            .ProducesProblems(ErrorCatalog.InsufficientRole)
            .ProducesProblems(ErrorCatalog.WebhookNotFound, ErrorCatalog.WebhookDeliveryNotFound);
        group.MapPost("/{id:guid}/deliveries/{delivery_id:guid}/redeliver", Redeliver).WithName("Webhooks_Redeliver")
            .WithSummary("Send a delivery's event again now, with the same event id (owner, admin); answers the new delivery")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.WebhookNotFound, ErrorCatalog.WebhookDeliveryNotFound)
            .ProducesProblems(ErrorCatalog.WebhookInactive);
    }

    private static async Task<Accepted<WebhookDeliveryDto>> Ping(Guid id, IMediator mediator, CancellationToken ct)
    {
        var delivery = await mediator.Send(new PingWebhookCommand(id), ct);
        return TypedResults.Accepted($"{Base}/{id}/deliveries/{delivery.Id}", delivery);
    }

    private static async Task<Ok<PagedList<WebhookDeliveryDto>>> ListDeliveries(
        Guid id,
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] string? status,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor) =>
        TypedResults.Ok(await mediator.Send(
            new ListWebhookDeliveriesQuery(
                id, QueryValues.Enum<WebhookDeliveryStatus>("status", status), page ?? 1,
                pageSize ?? Paging.DefaultPageSize, cursor),
            ct));

    private static async Task<Ok<WebhookDeliveryDetailDto>> GetDelivery(Guid id, [FromRoute(Name = "delivery_id")] Guid deliveryId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetWebhookDeliveryQuery(id, deliveryId), ct));

    private static async Task<Accepted<WebhookDeliveryDto>> Redeliver(Guid id, [FromRoute(Name = "delivery_id")] Guid deliveryId, IMediator mediator, CancellationToken ct)
    {
        var delivery = await mediator.Send(new RedeliverWebhookDeliveryCommand(id, deliveryId), ct);
        return TypedResults.Accepted($"{Base}/{id}/deliveries/{delivery.Id}", delivery);
    }

    private static async Task<Created<CreatedWebhookDto>> Create(CreateWebhookCommand command, IMediator mediator, CancellationToken ct)
    {
        var webhook = await mediator.Send(command, ct);
        return TypedResults.Created($"{Base}/{webhook.Id}", webhook);
    }

    private static async Task<Ok<PagedList<WebhookDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Ok<WebhookDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetWebhookQuery(id), ct));

    private static async Task<Ok<WebhookDto>> Update(Guid id, UpdateWebhookCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteWebhookCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookSecretDto>> RotateSecret(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RotateWebhookSecretCommand(id), ct));
}
