using Crm.Application.Common.Models;
using Crm.Application.Email.Queries.ListOutbox;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Admin
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/outbox", Outbox).WithTags("Admin").WithName("Admin_Outbox")
            .WithSummary("The organization's outgoing emails and their delivery status (owner, admin)")
            .RequireAuthorization().RequireOrganizationHeader()
            .ProducesProblems(ErrorCatalog.InsufficientRole);
    }

    private static async Task<Ok<PagedList<OutboxMessageDto>>> Outbox(
        IMediator mediator, CancellationToken ct, [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(new ListOutboxQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));
}
