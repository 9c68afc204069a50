using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using MediatR;

namespace Crm.Application.Email.Queries.ListOutbox;

/// <summary>The organization's outgoing emails with their delivery status, newest first (owner, admin).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListOutboxQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<OutboxMessageDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListOutboxQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<ListOutboxQuery, PagedList<OutboxMessageDto>>
{
    public Task<PagedList<OutboxMessageDto>> Handle(ListOutboxQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        return store.ToPageAsync(
            store.Query(new OutboxOfOrganizationSpecification(organizationId)).ProjectTo<OutboxMessageDto>(mapper.ConfigurationProvider),
            request,
            cancellationToken);
    }
}
