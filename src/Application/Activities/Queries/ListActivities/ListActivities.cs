using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Domain.Activities;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Activities.Queries.ListActivities;

/// <summary>A deal's timeline, newest first.</summary>
public sealed record ListActivitiesQuery(
    Guid DealId, int Page = 1, int PageSize = Paging.DefaultPageSize, string? Cursor = null)
    : IQuery<PagedList<ActivityDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListActivitiesQueryHandler(IReadStore store, IRequestContext context, IListTotals totals, IMapper mapper)
    : IRequestHandler<ListActivitiesQuery, PagedList<ActivityDto>>
{
    public async Task<PagedList<ActivityDto>> Handle(ListActivitiesQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        if (!await store.AnyAsync(
                store.Query(new RecordInOrganizationSpecification<Deal>(request.DealId, organizationId)), cancellationToken))
        {
            throw new NotFoundException(ErrorCatalog.DealNotFound);
        }

        var page = await store.ToPageAsync(
            store.Query(new DealTimelineSpecification(organizationId, request.DealId)), request, SortOrder.Desc, totals, new ListTotalKey(typeof(Activity), request.DealId.ToString()), cancellationToken);
        return new PagedList<ActivityDto>(mapper.Map<List<ActivityDto>>(page.Items), page.Page, page.PageSize, page.Total)
        {
            NextCursor = page.NextCursor,
        };
    }
}
