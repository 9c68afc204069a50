using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>
/// Whoever turns the two-factor requirement on has two-factor sign-in themselves; otherwise the requirement would
/// lock them out of the setting they just changed.
/// </summary>
public sealed record RequirerUsesTwoFactor(bool Requiring, bool ActorUsesTwoFactor) : IBusinessRule
{
    public Error Error => ErrorCatalog.TwoFactorNeededToRequire;

    public bool IsBroken() => Requiring && !ActorUsesTwoFactor;
}
