using Crm.Application.Auth.Common;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Invitations.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Invitations.Queries.ListMyInvitations;

/// <summary>
/// The pending invitations of the signed-in user's address, newest first. Only a proved address sees them: the
/// names of the organizations that invited it are not for whoever merely registered it.
/// </summary>
[Authorize]
public sealed record ListMyInvitationsQuery : IQuery<IReadOnlyList<MyInvitationDto>>;

public sealed class ListMyInvitationsQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<ListMyInvitationsQuery, IReadOnlyList<MyInvitationDto>>
{
    /// <summary>At most this many are answered: each organization holds one pending invitation per address.</summary>
    public const int Limit = 100;

    public async Task<IReadOnlyList<MyInvitationDto>> Handle(ListMyInvitationsQuery request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var user = await store.FirstOrDefaultAsync(store.Query<User>().Where(u => u.Id == userId), cancellationToken)
            ?? throw CurrentUser.Gone();
        if (!user.EmailVerified)
        {
            throw new ForbiddenException(ErrorCatalog.EmailNotVerified);
        }

        var now = time.UtcNow();
        var query =
            (from i in store.Query<Invitation>()
             join o in store.Query<Organization>() on i.OrganizationId equals o.Id
             join u in store.Query<User>() on i.InvitedBy equals u.Id
             where i.NormalizedEmail == user.NormalizedEmail
                 && i.AcceptedAt == null && i.DeclinedAt == null && i.RevokedAt == null && i.ExpiresAt > now
             orderby i.CreatedAt descending, i.Id descending
             select new MyInvitationDto(
                 i.Id, new InvitingOrganizationDto(o.Id, o.Name), i.Role, new InviterDto(u.Id, u.Name), i.CreatedAt, i.ExpiresAt))
            .Take(Limit);
        return await store.ToListAsync(query, cancellationToken);
    }
}
