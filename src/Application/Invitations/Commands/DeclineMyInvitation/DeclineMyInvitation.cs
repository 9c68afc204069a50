using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Invitations.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Invitations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Invitations.Commands.DeclineMyInvitation;

/// <summary>The signed-in user, whose proved address was invited, declines; the invitation's link stops working.</summary>
[Authorize]
[NoValidator("Its only input is the invitation id in the path, which routing accepts as a UUID only.")]
[AuditAction("decline_invitation")]
public sealed record DeclineMyInvitationCommand(Guid InvitationId) : ICommand<Unit>;

public sealed class DeclineMyInvitationCommandHandler(
    IRepository<Invitation> invitations, IRepository<User> users, IRequestContext context, TimeProvider time)
    : IRequestHandler<DeclineMyInvitationCommand, Unit>
{
    public async Task<Unit> Handle(DeclineMyInvitationCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        var invitation = await invitations.FirstOrDefaultAsync(
                new InvitationOfAddressSpecification(request.InvitationId, user.NormalizedEmail, now), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.InvitationNotFound);
        invitation.Decline(user, now);
        return Unit.Value;
    }
}
