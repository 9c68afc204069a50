using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>Only a suspended organization can be resumed.</summary>
public sealed record OrganizationMustBeSuspended(bool Suspended) : IBusinessRule
{
    public Error Error => ErrorCatalog.OrganizationNotSuspended;

    public bool IsBroken() => !Suspended;
}
