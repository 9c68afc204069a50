using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Invitations.Rules;

/// <summary>
/// An invitation grants a role on its inviter's authority, checked when it is accepted: an inviter since removed or
/// demoted below admin, or no longer an owner for an owner invitation, can no longer let anyone in.
/// </summary>
public sealed record InviterMayStillGrantRole(MemberRole? InviterRole, MemberRole InvitedRole) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvitationStale;

    public bool IsBroken() =>
        InviterRole is not { } role
        || !role.IsAdministrator()
        || (InvitedRole == MemberRole.Owner && role != MemberRole.Owner);
}
