using Crm.Application.Activities.Common;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using MediatR;

namespace Crm.Application.Activities.Queries.ListRecordTimeline;

/// <summary>
/// A contact's or a company's timeline, newest first: its own entries, the activities logged on it, and the entries of
/// its deals and tasks; optionally of some types only.
/// </summary>
public sealed record ListRecordTimelineQuery(
    ActivityRecordType RecordType,
    Guid RecordId,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    string? Cursor = null,
    IReadOnlyList<ActivityType>? Type = null)
    : IQuery<PagedList<ActivityDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListRecordTimelineQueryHandler(RecordTimelines timelines, IRequestContext context)
    : IRequestHandler<ListRecordTimelineQuery, PagedList<ActivityDto>>
{
    public Task<PagedList<ActivityDto>> Handle(ListRecordTimelineQuery request, CancellationToken cancellationToken) =>
        timelines.PageAsync(context.RequireOrganizationId(), request.RecordType, request.RecordId, request.Type, request, cancellationToken);
}
