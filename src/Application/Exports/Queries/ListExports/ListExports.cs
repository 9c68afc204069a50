using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Exports.Queries.ListExports;

/// <summary>The caller's exports (every one of the organization's for an owner or admin), newest first.</summary>
public sealed record ListExportsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, string? Cursor = null)
    : IQuery<PagedList<ExportJobDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListExportsQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<ListExportsQuery, PagedList<ExportJobDto>>
{
    public async Task<PagedList<ExportJobDto>> Handle(ListExportsQuery request, CancellationToken cancellationToken)
    {
        var spec = new ExportsVisibleSpecification(
            context.RequireOrganizationId(), ExportsVisibleSpecification.RequesterFilter(context.RequireActor()));
        var page = await store.ToPageAsync(store.Query(spec), request, SortOrder.Desc, cancellationToken);
        var now = time.UtcNow();
        return new PagedList<ExportJobDto>([.. page.Items.Select(j => ExportJobDto.From(j, now))], page.Page, page.PageSize, page.Total)
        {
            NextCursor = page.NextCursor,
        };
    }
}
