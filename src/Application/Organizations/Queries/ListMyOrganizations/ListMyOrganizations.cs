using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Organizations.Queries.ListMyOrganizations;

/// <summary>Every organization the caller belongs to, with its role there.</summary>
[Authorize]
public sealed record ListMyOrganizationsQuery : IQuery<IReadOnlyList<OrganizationDto>>;

public sealed class ListMyOrganizationsQueryHandler(IReadStore store, IRequestContext context, StorageFigures figures)
    : IRequestHandler<ListMyOrganizationsQuery, IReadOnlyList<OrganizationDto>>
{
    public async Task<IReadOnlyList<OrganizationDto>> Handle(
        ListMyOrganizationsQuery request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var query =
            from m in store.Query<Membership>()
            join o in store.Query<Organization>() on m.OrganizationId equals o.Id
            where m.UserId == userId
            orderby m.CreatedAt, o.Id
            select new OrganizationDto(o.Id, o.Name, m.Role, o.DefaultCurrency, o.Plan, o.RequireTwoFactor, o.TimeZone, o.StageProbabilities, o.CreatedAt, o.UpdatedAt, 0L, 0L);
        return await figures.CompleteAsync(await store.ToListAsync(query, cancellationToken), cancellationToken);
    }
}
