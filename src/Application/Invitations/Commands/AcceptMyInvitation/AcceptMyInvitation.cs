using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.ApiKeys.Common;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Invitations.Common;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Invitations.Commands.AcceptMyInvitation;

/// <summary>The signed-in user, whose proved address was invited, joins the inviting organization.</summary>
[Authorize]
[NoValidator("Its only input is the invitation id in the path, which routing accepts as a UUID only.")]
[AuditAction("accept_invitation_signed_in")]
public sealed record AcceptMyInvitationCommand(Guid InvitationId) : ICommand<OrganizationMembershipDto>;

public sealed class AcceptMyInvitationCommandHandler(
    IRepository<Invitation> invitations,
    IRepository<User> users,
    IRepository<Organization> organizations,
    IReadStore store,
    IRequestContext context,
    TimeProvider time) : IRequestHandler<AcceptMyInvitationCommand, OrganizationMembershipDto>
{
    public async Task<OrganizationMembershipDto> Handle(AcceptMyInvitationCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        var invitation = await invitations.FirstOrDefaultAsync(
                new InvitationOfAddressSpecification(request.InvitationId, user.NormalizedEmail, now), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.InvitationNotFound);
        var organization = await organizations.FirstOrDefaultAsync(new OrganizationWithMembersSpecification(invitation.OrganizationId), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.InvitationNotFound);
        var membership = invitation.Accept(organization, user, now, await store.RoleAsync(invitation, now, cancellationToken));
        return new OrganizationMembershipDto(organization.Id, organization.Name, membership.Role);
    }
}
