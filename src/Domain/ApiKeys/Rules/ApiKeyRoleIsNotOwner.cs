using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.ApiKeys.Rules;

/// <summary>A key never holds the owner role: owners are people, who answer for the organization.</summary>
public sealed record ApiKeyRoleIsNotOwner(MemberRole Role) : IBusinessRule
{
    public Error Error => ErrorCatalog.ApiKeyOwnerRole;

    public bool IsBroken() => Role == MemberRole.Owner;
}
