using AutoMapper;
using Crm.Application.AuditLogs.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using MediatR;

namespace Crm.Application.AuditLogs.Queries.ListAuditLogs;

/// <summary>The organization's audit log, newest first (owner and admin).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListAuditLogsQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    Guid? ActorId = null,
    string? EntityType = null,
    Guid? EntityId = null,
    string? Action = null,
    DateTime? From = null,
    DateTime? To = null) : IQuery<PagedList<AuditLogDto>>, IOrganizationScoped, IPagedRequest, IAuditLogFilter;

public sealed class ListAuditLogsQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<ListAuditLogsQuery, PagedList<AuditLogDto>>
{
    public async Task<PagedList<AuditLogDto>> Handle(ListAuditLogsQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var spec = new AuditLogSpecification(organizationId, store.Query(new MembershipsOfOrganizationSpecification(organizationId)), request);
        var page = await store.ToPageAsync(store.Query(spec), request, cancellationToken);
        return new PagedList<AuditLogDto>(mapper.Map<List<AuditLogDto>>(page.Items), page.Page, page.PageSize, page.Total);
    }
}
