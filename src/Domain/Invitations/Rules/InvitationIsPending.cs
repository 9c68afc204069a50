using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Invitations.Rules;

/// <summary>An invitation is answered once (accepted, declined or revoked), and only before it expires.</summary>
public sealed record InvitationIsPending(Invitation Invitation, DateTime Now) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidInvitation;

    public bool IsBroken() => !Invitation.IsOpen || Invitation.ExpiresAt <= Now;
}
