using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>Suspending twice would lose the time of the first suspension.</summary>
public sealed record OrganizationMustNotBeSuspended(bool Suspended) : IBusinessRule
{
    public Error Error => ErrorCatalog.OrganizationAlreadySuspended;

    public bool IsBroken() => Suspended;
}
