using AutoMapper;
using Crm.Application.AuditLogs.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using MediatR;

namespace Crm.Application.Auth.Queries.ListMyEvents;

/// <summary>The signed-in person's own account events, newest first, by page or cursor.</summary>
[Authorize]
public sealed record ListMyEventsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, string? Cursor = null)
    : IQuery<PagedList<AuditLogDto>>, IPagedRequest;

public sealed class ListMyEventsQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<ListMyEventsQuery, PagedList<AuditLogDto>>
{
    public async Task<PagedList<AuditLogDto>> Handle(ListMyEventsQuery request, CancellationToken cancellationToken)
    {
        var page = await store.ToPageAsync(
            store.Query(new MyAccountEventsSpecification(context.RequireUserId())), request, SortOrder.Desc, cancellationToken);
        return new PagedList<AuditLogDto>(mapper.Map<List<AuditLogDto>>(page.Items), page.Page, page.PageSize, page.Total)
        {
            NextCursor = page.NextCursor,
        };
    }
}
