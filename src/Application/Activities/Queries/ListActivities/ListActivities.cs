using Crm.Application.Activities.Common;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using MediatR;

namespace Crm.Application.Activities.Queries.ListActivities;

/// <summary>A deal's timeline, newest first, optionally of some types only.</summary>
public sealed record ListActivitiesQuery(
    Guid DealId, int Page = 1, int PageSize = Paging.DefaultPageSize, string? Cursor = null, IReadOnlyList<ActivityType>? Type = null)
    : IQuery<PagedList<ActivityDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListActivitiesQueryHandler(RecordTimelines timelines, IRequestContext context)
    : IRequestHandler<ListActivitiesQuery, PagedList<ActivityDto>>
{
    public Task<PagedList<ActivityDto>> Handle(ListActivitiesQuery request, CancellationToken cancellationToken) =>
        timelines.PageAsync(context.RequireOrganizationId(), ActivityRecordType.Deal, request.DealId, request.Type, request, cancellationToken);
}
