using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>Only an owner grants, revokes or removes the owner role.</summary>
public sealed record OnlyOwnerManagesOwners(Actor Actor, bool TouchesOwnerRole) : IBusinessRule
{
    public Error Error => ErrorCatalog.OwnerRoleRequired;


    public bool IsBroken() => TouchesOwnerRole && Actor.Role != MemberRole.Owner;
}
