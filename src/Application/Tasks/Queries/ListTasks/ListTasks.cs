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
    DateTime? UpdatedSince = null) : IQuery<PagedList<TaskDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListTasksQueryHandler(IReadStore store, IRequestContext context, IMapper mapper, IListTotals totals)
    : IRequestHandler<ListTasksQuery, PagedList<TaskDto>>
{
    public Task<PagedList<TaskDto>> Handle(ListTasksQuery request, CancellationToken cancellationToken)
    {
        var spec = new TaskListSpecification(context.RequireOrganizationId(), request);
        return store.ToPageAsync(
            store.Query(spec).ProjectTo<TaskDto>(mapper.ConfigurationProvider),
            request,
            request.OrderBy == TaskOrder.CreatedAt ? request.Order : null,
            totals,
            new ListTotalKey(typeof(DealTask), $"{request.DealId}|{request.OnlyOpen}|{request.DueBefore:O}|{request.DueAfter:O}|{request.UpdatedSince:O}"),
            cancellationToken);
    }
}
