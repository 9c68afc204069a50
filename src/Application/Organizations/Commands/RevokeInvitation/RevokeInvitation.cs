using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Invitations;
using MediatR;

namespace Crm.Application.Organizations.Commands.RevokeInvitation;

/// <summary>Withdraws one of the current organization's pending invitations; its link stops working.</summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the invitation id in the path, which routing accepts as a UUID only.")]
[AuditAction("revoke_invitation")]
public sealed record RevokeInvitationCommand(Guid InvitationId) : ICommand<Unit>, IOrganizationScoped;

public sealed class RevokeInvitationCommandHandler(
    IRepository<Invitation> invitations, IRequestContext context, TimeProvider time)
    : IRequestHandler<RevokeInvitationCommand, Unit>
{
    public async Task<Unit> Handle(RevokeInvitationCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var invitation = await invitations.FirstOrDefaultAsync(
                new InvitationOfOrganizationSpecification(context.RequireOrganizationId(), request.InvitationId, now), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.InvitationNotFound);
        invitation.Revoke(context.RequireActor(), now);
        return Unit.Value;
    }
}
