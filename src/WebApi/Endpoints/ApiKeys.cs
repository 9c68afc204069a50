using Crm.Application.ApiKeys.Commands.CreateApiKey;
using Crm.Application.ApiKeys.Commands.RevokeApiKey;
using Crm.Application.ApiKeys.Common;
using Crm.Application.ApiKeys.Queries.GetApiKey;
using Crm.Application.ApiKeys.Queries.ListApiKeys;
using Crm.Application.Common.Models;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class ApiKeys
{
    private const string Base = "/api/v1/api-keys";

    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("ApiKeys").RequireAuthorization().RequireOrganizationHeader();
        group.MapPost("/", Create).WithName("ApiKeys_Create")
            .WithSummary("Create an API key (owner, admin; an admin key only by an owner, never an owner key)")
            .WithDescription("The answer's secret is shown this once and stored only as a hash: keep it safe. Send it as " +
                "Authorization: Bearer crm_… or X-Api-Key: crm_…; the key then acts in this organization only, with its role, " +
                "as the owner of what it creates.")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyAdminRequiresOwner, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.ApiKeyOwnerRole, ErrorCatalog.ApiKeyExpiryInPast);
        group.MapGet("/", List).WithName("ApiKeys_List")
            .WithSummary("The organization's API keys, newest first, with their last use (owner, admin); revoked keys are gone")
            .ProducesProblems(ErrorCatalog.InsufficientRole);
        group.MapGet("/{id:guid}", Get).WithName("ApiKeys_Get")
            .WithSummary("One API key, with its last use (owner, admin); never its secret")
            .ProducesProblems(ErrorCatalog.InsufficientRole)
            .ProducesProblems(ErrorCatalog.ApiKeyNotFound);
        group.MapDelete("/{id:guid}", Revoke).WithName("ApiKeys_Revoke")
            .WithSummary("Revoke an API key: every request with it answers 401 from now on (owner, admin)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.ApiKeyNotFound, ErrorCatalog.ConcurrentUpdate);
    }

    private static async Task<Created<CreatedApiKeyDto>> Create(CreateApiKeyCommand command, IMediator mediator, CancellationToken ct)
    {
        var key = await mediator.Send(command, ct);
        return TypedResults.Created($"{Base}/{key.Id}", key);
    }

    private static async Task<Ok<PagedList<ApiKeyDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Ok<ApiKeyDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetApiKeyQuery(id), ct));

    private static async Task<NoContent> Revoke(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiKeyCommand(id), ct);
        return TypedResults.NoContent();
    }
}
