using Crm.Application.Common.Models;
using Crm.Application.Suppressions.Commands.RemoveSuppression;
using Crm.Application.Suppressions.Common;
using Crm.Application.Suppressions.Queries.ListSuppressions;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Suppressions
{
    public static void MapSuppressionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/suppressions").WithTags("Suppressions").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", List).WithName("Suppressions_List")
            .WithSummary("The organization's suppression list: hashes of erased contacts' addresses, newest first (owner, admin)")
            .WithDescription("Each address is kept only as HMAC-SHA-256 under the service's key of the organization's id and the " +
                "address trimmed and lower-cased. email narrows the list to that address's entry, to find its hash. Creating or " +
                "changing a contact to a listed address answers 409 suppressed; a batch item fails with code suppressed.")
            .ProducesProblems(ErrorCatalog.InsufficientRole);
        group.MapDelete("/{hash}", Remove).WithName("Suppressions_Remove")
            .WithSummary("Lift a suppression: the address may be added again (owner)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.SuppressionNotFound);
    }

    private static async Task<Ok<PagedList<SuppressionDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? email) =>
        TypedResults.Ok(await mediator.Send(new ListSuppressionsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize, email), ct));

    private static async Task<NoContent> Remove(string hash, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveSuppressionCommand(hash), ct);
        return TypedResults.NoContent();
    }
}
