using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>The last owner of an organization can never be removed or demoted.</summary>
public sealed record OrganizationKeepsAnOwner(Membership Target, int OwnerCount, bool TargetStaysOwner) : IBusinessRule
{
    public Error Error => ErrorCatalog.LastOwner;


    public bool IsBroken() => Target.Role == MemberRole.Owner && !TargetStaysOwner && OwnerCount <= 1;
}
