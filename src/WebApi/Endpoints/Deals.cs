using Crm.Application.Activities.Commands.AddComment;
using Crm.Application.Activities.Common;
using Crm.Application.Activities.Queries.GetActivity;
using Crm.Application.Activities.Queries.ListActivities;
using Crm.Application.Common.Batches;
using Crm.Application.Common.Models;
using Crm.Application.Deals.Commands.CreateDeal;
using Crm.Application.Deals.Commands.DeleteDeal;
using Crm.Application.Deals.Commands.UpdateDeal;
using Crm.Application.Deals.Commands.UpsertDeals;
using Crm.Application.Deals.Common;
using Crm.Application.Deals.Queries.GetDeal;
using Crm.Application.Deals.Queries.ListDeals;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Infrastructure.Concurrency;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Deals
{
    private const string Base = "/api/v1/deals";

    public static void MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Deals").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", List).WithName("Deals_List").WithSummary("The organization's deals, filtered, sorted and paged")
            .ProducesProblems(ErrorCatalog.InvalidCursor, ErrorCatalog.CursorNotSupported)
            .ProducesProblems(ErrorCatalog.OwnerFilterForbidden);
        group.MapPost("/", Create).WithName("Deals_Create").WithSummary("Open a deal with a contact")
            .ProducesProblems(ErrorCatalog.ContactReferenceNotFound, ErrorCatalog.CompanyReferenceNotFound, ErrorCatalog.UserNotMember, ErrorCatalog.DealOutcomeRequired, ErrorCatalog.InvalidCurrency)
            .ProducesProblems(ErrorCatalog.OwnerAssignmentForbidden);
        group.MapPost("/batch", Batch).WithName("Deals_Batch")
            .WithSummary("Open or change up to 500 deals, matched on external_id; each item succeeds or fails alone");
        group.MapGet("/{id:guid}", Get).WithName("Deals_Get").WithSummary("One deal")
            .ProducesProblems(ErrorCatalog.DealNotFound)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag);
        group.MapPatch("/{id:guid}", Update).WithName("Deals_Update")
            .WithSummary("Change a deal: fields, status and stage, as one atomic change")
            .ProducesProblems(ErrorCatalog.InvalidStatusTransition, ErrorCatalog.DealAmountRequired, ErrorCatalog.DealOutcomeRequired, ErrorCatalog.InvalidStageTransition, ErrorCatalog.InvalidCurrency, ErrorCatalog.ContactReferenceNotFound, ErrorCatalog.CompanyReferenceNotFound, ErrorCatalog.UserNotMember)
            .ProducesProblems(ErrorCatalog.NotRecordOwner, ErrorCatalog.StageRollbackForbidden, ErrorCatalog.OwnerAssignmentForbidden)
            .ProducesProblems(ErrorCatalog.DealNotFound)
            .ProducesProblems(ErrorCatalog.ConcurrentUpdate)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
        group.MapDelete("/{id:guid}", Delete).WithName("Deals_Delete").WithSummary("Delete a deal with its tasks and timeline")
            .ProducesProblems(ErrorCatalog.NotRecordOwner)
            .ProducesProblems(ErrorCatalog.DealNotFound)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);

        var timeline = app.MapGroup(Base + "/{deal_id:guid}/activities").WithTags("Activities")
            .RequireAuthorization().RequireOrganizationHeader();
        timeline.MapGet("/", ListActivities).WithName("Activities_List").WithSummary("A deal's timeline, newest first")
            .ProducesProblems(ErrorCatalog.InvalidCursor)
            .ProducesProblems(ErrorCatalog.DealNotFound);
        timeline.MapGet("/{id:guid}", GetActivity).WithName("Activities_Get").WithSummary("One entry of a deal's timeline")
            .ProducesProblems(ErrorCatalog.ActivityNotFound);
        timeline.MapPost("/", AddComment).WithName("Activities_Create").WithSummary("Comment on a deal")
            .ProducesProblems(ErrorCatalog.ActivityTypeNotAllowed)
            .ProducesProblems(ErrorCatalog.DealNotFound);
    }

    private static async Task<Ok<PagedList<DealDto>>> List(
        IMediator mediator,
        HttpRequest request,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string[]? status,
        [FromQuery] string? stage,
        [FromQuery(Name = "min_amount")] decimal? minAmount,
        [FromQuery(Name = "max_amount")] decimal? maxAmount,
        [FromQuery(Name = "contact_id")] Guid? contactId,
        [FromQuery(Name = "owner_id")] Guid? ownerId,
        [FromQuery(Name = "order_by")] string? orderBy,
        [FromQuery] string? order,
        [FromQuery] string? cursor,
        [FromQuery(Name = "updated_since")] DateTime? updatedSince,
        [FromQuery(Name = "external_id")] string[]? externalId,
        [FromQuery(Name = "company_id")] Guid? companyId,
        [FromQuery] string[]? tag,
        [FromQuery(Name = "expected_close_before")] DateOnly? expectedCloseBefore,
        [FromQuery(Name = "expected_close_after")] DateOnly? expectedCloseAfter) =>
        TypedResults.Ok(await mediator.Send(
            new ListDealsQuery(
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize,
                QueryValues.Enums<DealStatus>("status", status),
                QueryValues.Enum<DealStage>("stage", stage),
                minAmount,
                maxAmount,
                contactId,
                ownerId,
                QueryValues.Enum("order_by", CustomFieldParameters.OwnOrder(orderBy), DealOrder.CreatedAt),
                QueryValues.Enum("order", order, SortOrder.Asc),
                cursor,
                QueryValues.Utc(updatedSince),
                externalId?.Where(v => v.Length > 0).ToList(),
                companyId,
                tag?.Where(v => v.Length > 0).ToList(),
                expectedCloseBefore,
                expectedCloseAfter,
                CustomFieldParameters.Filters(request),
                CustomFieldParameters.OrderKey(orderBy)),
            ct));

    private static async Task<Created<DealDto>> Create(CreateDealCommand command, HttpResponse response, EntityTagCipher tags, IMediator mediator, CancellationToken ct)
    {
        var deal = await mediator.Send(command, ct);
        return EntityTags.Created(response, tags, $"{Base}/{deal.Id}", deal);
    }

    /// <summary>200 whatever the items' outcomes: each item's status, id or failure code is in the answer.</summary>
    private static async Task<Ok<BatchResult>> Batch(UpsertDealsBatch batch, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(batch, ct));

    private static async Task<Results<Ok<DealDto>, NotModified>> Get(
        Guid id,
        [FromHeader(Name = EntityTags.IfNoneMatchHeader)] string? ifNoneMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct)
    {
        var condition = EntityTags.IfNoneMatch(ifNoneMatch, tags, id);
        return EntityTags.Read(response, tags, await mediator.Send(new GetDealQuery(id), ct), condition);
    }

    private static async Task<Ok<DealDto>> Update(
        Guid id,
        UpdateDealCommand command,
        [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct) =>
        EntityTags.Ok(response, tags, await mediator.Send(command with { Id = id, IfMatch = EntityTags.IfMatch(ifMatch, tags, id) }, ct));

    private static async Task<NoContent> Delete(
        Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, EntityTagCipher tags, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteDealCommand(id, EntityTags.IfMatch(ifMatch, tags, id)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedList<ActivityDto>>> ListActivities(
        [FromRoute(Name = "deal_id")] Guid dealId,
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor,
        [FromQuery] string[]? type) =>
        TypedResults.Ok(await mediator.Send(
            new ListActivitiesQuery(dealId, page ?? 1, pageSize ?? Paging.DefaultPageSize, cursor, Activities.Types(type)), ct));

    private static async Task<Ok<ActivityDto>> GetActivity(
        [FromRoute(Name = "deal_id")] Guid dealId, Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetActivityQuery(dealId, id), ct));

    private static async Task<Created<ActivityDto>> AddComment(
        [FromRoute(Name = "deal_id")] Guid dealId, AddActivityCommand command, IMediator mediator, CancellationToken ct)
    {
        var activity = await mediator.Send(command with { DealId = dealId }, ct);
        return TypedResults.Created($"{Base}/{dealId}/activities/{activity.Id}", activity);
    }
}
