using Crm.Domain.Common;

namespace Crm.Domain.Organizations.Rules;

/// <summary>The last owner of an organization can never be removed or demoted.</summary>
public sealed record OrganizationKeepsAnOwner(Membership Target, int OwnerCount, bool TargetStaysOwner) : IBusinessRule
{
    public string Code => "last_owner";

    public string Message => "The organization's last owner cannot be removed or demoted.";

    public DomainErrorKind Kind => DomainErrorKind.Conflict;

    public bool IsBroken() => Target.Role == MemberRole.Owner && !TargetStaysOwner && OwnerCount <= 1;
}
