using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using MediatR;

namespace Crm.Application.Activities.Queries.ListFeed;

/// <summary>
/// The organization's feed for every member: everything logged or changed on its records, newest first, filtered by
/// actor, type, record type, time (<c>since</c>) and the caller's mentions.
/// </summary>
/// <param name="Order">Newest first on the endpoint; exports read it oldest first, as they read every list.</param>
public sealed record ListFeedQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    string? Cursor = null,
    IReadOnlyList<Guid>? ActorId = null,
    IReadOnlyList<ActivityType>? Type = null,
    IReadOnlyList<ActivityRecordType>? RecordType = null,
    DateTime? Since = null,
    FeedMentions? Mentions = null,
    SortOrder Order = SortOrder.Desc)
    : IQuery<PagedList<ActivityDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListFeedQueryHandler(IReadStore store, IRequestContext context, IListTotals totals, IMapper mapper)
    : IRequestHandler<ListFeedQuery, PagedList<ActivityDto>>
{
    public async Task<PagedList<ActivityDto>> Handle(ListFeedQuery request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var mentioned = request.Mentions == FeedMentions.Me ? actor.UserId : (Guid?)null;
        var key = string.Join(
            '|',
            string.Join(',', request.ActorId ?? []),
            string.Join(',', request.Type ?? []),
            string.Join(',', request.RecordType ?? []),
            request.Since?.ToString("O"),
            mentioned);
        var page = await store.ToPageAsync(
            store.Query(new FeedSpecification(organizationId, request, mentioned)), request, request.Order, totals,
            new ListTotalKey(typeof(Activity), "feed:" + key), cancellationToken);
        return new PagedList<ActivityDto>(mapper.Map<List<ActivityDto>>(page.Items), page.Page, page.PageSize, page.Total)
        {
            NextCursor = page.NextCursor,
        };
    }
}
