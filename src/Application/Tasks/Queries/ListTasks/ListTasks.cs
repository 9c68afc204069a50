using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Tasks.Common;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.Queries.ListTasks;

/// <summary>Tasks by due date, those without one last (PostgreSQL sorts nulls last in ascending order).</summary>
public enum TaskOrder
{
    DueDate,
    CreatedAt,
}

/// <summary>
/// A task's state for the status filter: open, done, or overdue (open with a due date before today in the
/// organization's time zone).
/// </summary>
public enum TaskState
{
    Open,
    Done,
    Overdue,
}

/// <param name="AssigneeIds">Any of: a member's or API key's id, <c>me</c> (the caller) or <c>none</c> (unassigned).</param>
public sealed record ListTasksQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    Guid? DealId = null,
    bool OnlyOpen = false,
    DateOnly? DueBefore = null,
    DateOnly? DueAfter = null,
    TaskOrder OrderBy = TaskOrder.DueDate,
    SortOrder Order = SortOrder.Asc,
    string? Cursor = null,
    DateTime? UpdatedSince = null,
    IReadOnlyList<string>? AssigneeIds = null,
    IReadOnlyList<TaskState>? Statuses = null,
    Guid? ContactId = null,
    Guid? CompanyId = null) : IQuery<PagedList<TaskDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListTasksQueryHandler(IReadStore store, IRequestContext context, IMapper mapper, IListTotals totals, TimeProvider time)
    : IRequestHandler<ListTasksQuery, PagedList<TaskDto>>
{
    public const string Me = "me";
    public const string Nobody = "none";

    public async Task<PagedList<TaskDto>> Handle(ListTasksQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var assignees = AssigneeFilter.Of(request.AssigneeIds, context);

        // Only the overdue filter depends on the day, so only it reads the organization's zone.
        DateOnly? today = request.Statuses?.Contains(TaskState.Overdue) == true
            ? await store.OrganizationTodayAsync(organizationId, time, cancellationToken)
            : null;
        var spec = new TaskListSpecification(organizationId, request, assignees, today);
        var filters = string.Join(",", assignees.Ids) + (assignees.IncludeUnassigned ? ",none" : string.Empty)
            + "|" + string.Join(",", request.Statuses ?? []) + $"|{today:O}|{request.ContactId}|{request.CompanyId}";
        return await store.ToPageAsync(
            store.Query(spec).ProjectTo<TaskDto>(mapper.ConfigurationProvider),
            request,
            request.OrderBy == TaskOrder.CreatedAt ? request.Order : null,
            totals,
            new ListTotalKey(typeof(DealTask), $"{request.DealId}|{request.OnlyOpen}|{request.DueBefore:O}|{request.DueAfter:O}|{request.UpdatedSince:O}|{filters}"),
            cancellationToken);
    }
}
