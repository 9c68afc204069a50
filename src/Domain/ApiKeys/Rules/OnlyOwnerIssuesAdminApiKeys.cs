using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.ApiKeys.Rules;

/// <summary>Only an owner creates an admin key: an admin (or an admin key) cannot mint a peer that outlives it.</summary>
public sealed record OnlyOwnerIssuesAdminApiKeys(Actor Actor, MemberRole Role) : IBusinessRule
{
    public Error Error => ErrorCatalog.ApiKeyAdminRequiresOwner;

    public bool IsBroken() => Role == MemberRole.Admin && Actor.Role != MemberRole.Owner;
}
