using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Application.Imports.Common;
using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Imports.Queries.ListImports;

/// <summary>The caller's imports (every one of the organization's for an owner or admin), newest first.</summary>
public sealed record ListImportsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, string? Cursor = null)
    : IQuery<PagedList<ImportJobDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListImportsQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<ListImportsQuery, PagedList<ImportJobDto>>
{
    public async Task<PagedList<ImportJobDto>> Handle(ListImportsQuery request, CancellationToken cancellationToken)
    {
        var spec = new ImportsVisibleSpecification(
            context.RequireOrganizationId(), ExportsVisibleSpecification.RequesterFilter(context.RequireActor()));
        var page = await store.ToPageAsync(store.Query(spec), request, SortOrder.Desc, cancellationToken);
        var now = time.UtcNow();
        return new PagedList<ImportJobDto>([.. page.Items.Select(j => ImportJobDto.From(j, now))], page.Page, page.PageSize, page.Total)
        {
            NextCursor = page.NextCursor,
        };
    }
}
