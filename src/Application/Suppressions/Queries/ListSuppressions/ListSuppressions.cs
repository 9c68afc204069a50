using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Suppressions.Common;
using Crm.Domain.Suppressions;
using MediatR;

namespace Crm.Application.Suppressions.Queries.ListSuppressions;

/// <summary>
/// The organization's suppression list, newest first (owner and admin). <see cref="Email"/> narrows it to that
/// address's entry, so that an owner can find the hash of an address without the list ever holding it.
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListSuppressionsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, string? Email = null)
    : IQuery<PagedList<SuppressionDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListSuppressionsQueryHandler(IReadStore store, ISuppressionList suppressions, IRequestContext context)
    : IRequestHandler<ListSuppressionsQuery, PagedList<SuppressionDto>>
{
    public async Task<PagedList<SuppressionDto>> Handle(ListSuppressionsQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var query = store.Query<Suppression>().Where(s => s.OrganizationId == organizationId);
        if (request.Email is { } email)
        {
            var hash = suppressions.Hash(organizationId, email);
            query = query.Where(s => s.Hash == hash);
        }

        var ordered = query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new SuppressionDto(s.Hash, s.Reason, s.CreatedAt));
        return await store.ToPageAsync(ordered, request, cancellationToken);
    }
}
