using Crm.Application.Common.Models;
using Crm.Application.Tasks.Commands.CreateTask;
using Crm.Application.Tasks.Commands.DeleteTask;
using Crm.Application.Tasks.Commands.UpdateTask;
using Crm.Application.Tasks.Common;
using Crm.Application.Tasks.Queries.GetTask;
using Crm.Application.Tasks.Queries.ListTasks;
using Crm.Domain.Errors;
using Crm.Infrastructure.Concurrency;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Tasks
{
    private const string Base = "/api/v1/tasks";

    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Tasks").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", List).WithName("Tasks_List").WithSummary("Tasks by due date (none last) or creation, filtered by assignee (me, none or an id), status (open, done, overdue), deal, contact or company, and paged")
            .ProducesProblems(ErrorCatalog.InvalidCursor, ErrorCatalog.CursorNotSupported);
        group.MapPost("/", Create).WithName("Tasks_Create").WithSummary("Add a task to a deal, a contact or a company, for its creator or another member")
            .ProducesProblems(ErrorCatalog.DealReferenceNotFound, ErrorCatalog.ContactReferenceNotFound, ErrorCatalog.CompanyReferenceNotFound, ErrorCatalog.AssigneeNotFound, ErrorCatalog.DueDateInPast)
            .ProducesProblems(ErrorCatalog.NotDealOwner, ErrorCatalog.NotRecordOwner);
        group.MapGet("/{id:guid}", Get).WithName("Tasks_Get").WithSummary("One task")
            .ProducesProblems(ErrorCatalog.TaskNotFound)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag);
        group.MapPatch("/{id:guid}", Update).WithName("Tasks_Update").WithSummary("Change, complete or reassign a task")
            .ProducesProblems(ErrorCatalog.DueDateInPast, ErrorCatalog.AssigneeNotFound)
            .ProducesProblems(ErrorCatalog.NotDealOwner, ErrorCatalog.NotRecordOwner)
            .ProducesProblems(ErrorCatalog.TaskNotFound)
            .ProducesProblems(ErrorCatalog.ConcurrentUpdate)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
        group.MapDelete("/{id:guid}", Delete).WithName("Tasks_Delete").WithSummary("Delete a task")
            .ProducesProblems(ErrorCatalog.NotDealOwner, ErrorCatalog.NotRecordOwner)
            .ProducesProblems(ErrorCatalog.TaskNotFound)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
    }

    private static async Task<Ok<PagedList<TaskDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "deal_id")] Guid? dealId,
        [FromQuery(Name = "only_open")] bool? onlyOpen,
        [FromQuery(Name = "due_before")] DateOnly? dueBefore,
        [FromQuery(Name = "due_after")] DateOnly? dueAfter,
        [FromQuery(Name = "order_by")] string? orderBy,
        [FromQuery] string? order,
        [FromQuery] string? cursor,
        [FromQuery(Name = "updated_since")] DateTime? updatedSince,
        [FromQuery(Name = "assignee_id")] string[]? assigneeId,
        [FromQuery] string[]? status,
        [FromQuery(Name = "contact_id")] Guid? contactId,
        [FromQuery(Name = "company_id")] Guid? companyId) =>
        TypedResults.Ok(await mediator.Send(
            new ListTasksQuery(
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize,
                dealId,
                onlyOpen ?? false,
                dueBefore,
                dueAfter,
                QueryValues.Enum("order_by", orderBy, TaskOrder.DueDate),
                QueryValues.Enum("order", order, SortOrder.Asc),
                cursor,
                QueryValues.Utc(updatedSince),
                assigneeId?.Where(v => v.Length > 0).ToList(),
                QueryValues.Enums<TaskState>("status", status),
                contactId,
                companyId),
            ct));

    private static async Task<Created<TaskDto>> Create(CreateTaskCommand command, HttpResponse response, EntityTagCipher tags, IMediator mediator, CancellationToken ct)
    {
        var task = await mediator.Send(command, ct);
        return EntityTags.Created(response, tags, $"{Base}/{task.Id}", task);
    }

    private static async Task<Results<Ok<TaskDto>, NotModified>> Get(
        Guid id,
        [FromHeader(Name = EntityTags.IfNoneMatchHeader)] string? ifNoneMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct)
    {
        var condition = EntityTags.IfNoneMatch(ifNoneMatch, tags, id);
        return EntityTags.Read(response, tags, await mediator.Send(new GetTaskQuery(id), ct), condition);
    }

    private static async Task<Ok<TaskDto>> Update(
        Guid id,
        UpdateTaskCommand command,
        [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct) =>
        EntityTags.Ok(response, tags, await mediator.Send(command with { Id = id, IfMatch = EntityTags.IfMatch(ifMatch, tags, id) }, ct));

    private static async Task<NoContent> Delete(
        Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, EntityTagCipher tags, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteTaskCommand(id, EntityTags.IfMatch(ifMatch, tags, id)), ct);
        return TypedResults.NoContent();
    }
}
