using Crm.Domain.Common;

namespace Crm.Domain.Organizations.Rules;

/// <summary>Only an owner grants, revokes or removes the owner role.</summary>
public sealed record OnlyOwnerManagesOwners(Actor Actor, bool TouchesOwnerRole) : IBusinessRule
{
    public string Code => "owner_role_required";

    public string Message => "Only an owner may grant, revoke or remove the owner role.";

    public DomainErrorKind Kind => DomainErrorKind.Forbidden;

    public bool IsBroken() => TouchesOwnerRole && Actor.Role != MemberRole.Owner;
}
