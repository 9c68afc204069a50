using Crm.Application.Common.Models;
using Crm.Application.Email.Commands.RetryOutboxMessage;
using Crm.Application.Email.Queries.GetJobStatistics;
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
        app.MapPost("/api/v1/admin/outbox/{id:guid}/retry", RetryEmail).WithTags("Admin").WithName("Admin_RetryEmail")
            .WithSummary("Queue a failed outgoing email again, to be sent at once with a fresh round of attempts (owner, admin)")
            .RequireAuthorization().RequireOrganizationHeader()
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.OutboxMessageNotFound, ErrorCatalog.OutboxMessageNotFailed);
        app.MapGet("/api/v1/admin/jobs", Jobs).WithTags("Admin").WithName("Admin_Jobs")
            .WithSummary("The organization's background work: emails, webhook deliveries, imports, exports and notifications by state, the oldest waiting and the last failure (owner, admin)")
            .RequireAuthorization().RequireOrganizationHeader()
            .ProducesProblems(ErrorCatalog.InsufficientRole);
    }

    private static async Task<Ok<JobStatisticsDto>> Jobs(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetJobStatisticsQuery(), ct));

    private static async Task<NoContent> RetryEmail(IMediator mediator, Guid id, CancellationToken ct)
    {
        await mediator.Send(new RetryOutboxMessageCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedList<OutboxMessageDto>>> Outbox(
        IMediator mediator, CancellationToken ct, [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(new ListOutboxQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));
}
