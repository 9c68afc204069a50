using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Invitations.Common;
using Crm.Domain.Common;
using Crm.Domain.Invitations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Organizations.Queries.ListInvitations;

/// <summary>The current organization's pending, unexpired invitations, newest first.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListInvitationsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<InvitationDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListInvitationsQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<ListInvitationsQuery, PagedList<InvitationDto>>
{
    public Task<PagedList<InvitationDto>> Handle(ListInvitationsQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var now = time.UtcNow();
        var query =
            from i in store.Query<Invitation>()
            join u in store.Query<User>() on i.InvitedBy equals u.Id
            where i.OrganizationId == organizationId
                && i.AcceptedAt == null && i.DeclinedAt == null && i.RevokedAt == null && i.ExpiresAt > now
            orderby i.CreatedAt descending, i.Id descending
            select new InvitationDto(i.Id, i.Email, i.Role, new InviterDto(u.Id, u.Name), i.CreatedAt, i.ExpiresAt);
        return store.ToPageAsync(query, request, cancellationToken);
    }
}
