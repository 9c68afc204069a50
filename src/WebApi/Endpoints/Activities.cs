using Crm.Application.Activities.Commands.DeleteActivity;
using Crm.Application.Activities.Commands.LogActivity;
using Crm.Application.Activities.Commands.UpdateActivity;
using Crm.Application.Activities.Common;
using Crm.Application.Activities.Queries.GetFeedEntry;
using Crm.Application.Activities.Queries.ListFeed;
using Crm.Application.Activities.Queries.ListRecordTimeline;
using Crm.Application.Common.Models;
using Crm.Domain.Activities;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

/// <summary>Logged activities, the organization's feed, and contacts' and companies' timelines.</summary>
public static class Activities
{
    private const string Base = "/api/v1/activities";

    public static void MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Activities").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", Feed).WithName("Activities_Feed")
            .WithSummary("The organization's feed: everything logged or changed on its records, newest first, filtered and paged")
            .ProducesProblems(ErrorCatalog.InvalidCursor);
        group.MapPost("/", Log).WithName("Activities_Log").WithSummary("Log a note, call, meeting or email on a contact, company or deal")
            .ProducesProblems(ErrorCatalog.ContactReferenceNotFound, ErrorCatalog.CompanyReferenceNotFound, ErrorCatalog.DealReferenceNotFound)
            .ProducesProblems(ErrorCatalog.ActivityRecordRequired, ErrorCatalog.ActivityTypeNotAllowed);
        group.MapGet("/{id:guid}", Get).WithName("Activities_GetEntry").WithSummary("One entry of the organization's feed")
            .ProducesProblems(ErrorCatalog.ActivityNotFound);
        group.MapPatch("/{id:guid}", Update).WithName("Activities_Update")
            .WithSummary("Change some of a logged activity's fields (its author, or a manager, admin or owner)")
            .ProducesProblems(ErrorCatalog.NotActivityAuthor, ErrorCatalog.ActivityNotEditable)
            .ProducesProblems(ErrorCatalog.ActivityNotFound);
        group.MapDelete("/{id:guid}", Delete).WithName("Activities_Delete")
            .WithSummary("Delete a logged activity or a comment (its author, or a manager, admin or owner)")
            .ProducesProblems(ErrorCatalog.NotActivityAuthor, ErrorCatalog.ActivityNotEditable)
            .ProducesProblems(ErrorCatalog.ActivityNotFound);

        app.MapGroup("/api/v1/contacts/{contact_id:guid}/activities").WithTags("Activities").RequireAuthorization().RequireOrganizationHeader()
            .MapGet("/", ContactTimeline).WithName("Contacts_Timeline")
            .WithSummary("A contact's timeline, newest first: its own entries, activities logged on it, its deals' and tasks' entries")
            .ProducesProblems(ErrorCatalog.InvalidCursor)
            .ProducesProblems(ErrorCatalog.ContactNotFound);
        app.MapGroup("/api/v1/companies/{company_id:guid}/activities").WithTags("Activities").RequireAuthorization().RequireOrganizationHeader()
            .MapGet("/", CompanyTimeline).WithName("Companies_Timeline")
            .WithSummary("A company's timeline, newest first: its own entries, activities logged on it, its deals' and tasks' entries")
            .ProducesProblems(ErrorCatalog.InvalidCursor)
            .ProducesProblems(ErrorCatalog.CompanyNotFound);
    }

    private static async Task<Ok<PagedList<ActivityDto>>> Feed(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor,
        [FromQuery(Name = "actor_id")] Guid[]? actorId,
        [FromQuery] string[]? type,
        [FromQuery(Name = "record_type")] string[]? recordType,
        [FromQuery] DateTime? since,
        [FromQuery] string? mentions) =>
        TypedResults.Ok(await mediator.Send(
            new ListFeedQuery(
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize,
                cursor,
                actorId is { Length: > 0 } ? actorId : null,
                Types(type),
                recordType is { Length: > 0 } ? QueryValues.Enums<ActivityRecordType>("record_type", recordType) : null,
                QueryValues.Utc(since),
                QueryValues.Enum<FeedMentions>("mentions", mentions)),
            ct));

    private static async Task<Created<ActivityDto>> Log(LogActivityCommand command, IMediator mediator, CancellationToken ct)
    {
        var activity = await mediator.Send(command, ct);
        return TypedResults.Created($"{Base}/{activity.Id}", activity);
    }

    private static async Task<Ok<ActivityDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetFeedEntryQuery(id), ct));

    private static async Task<Ok<ActivityDto>> Update(Guid id, UpdateActivityCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteActivityCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static Task<Ok<PagedList<ActivityDto>>> ContactTimeline(
        [FromRoute(Name = "contact_id")] Guid contactId,
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor,
        [FromQuery] string[]? type) =>
        Timeline(ActivityRecordType.Contact, contactId, mediator, page, pageSize, cursor, type, ct);

    private static Task<Ok<PagedList<ActivityDto>>> CompanyTimeline(
        [FromRoute(Name = "company_id")] Guid companyId,
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor,
        [FromQuery] string[]? type) =>
        Timeline(ActivityRecordType.Company, companyId, mediator, page, pageSize, cursor, type, ct);

    private static async Task<Ok<PagedList<ActivityDto>>> Timeline(
        ActivityRecordType recordType, Guid id, IMediator mediator, int? page, int? pageSize, string? cursor, string[]? type, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(
            new ListRecordTimelineQuery(recordType, id, page ?? 1, pageSize ?? Paging.DefaultPageSize, cursor, Types(type)), ct));

    /// <summary>The <c>type</c> filter of timelines and the feed: absent is every type.</summary>
    internal static IReadOnlyList<ActivityType>? Types(string[]? type) =>
        type is { Length: > 0 } ? QueryValues.Enums<ActivityType>("type", type) : null;
}
