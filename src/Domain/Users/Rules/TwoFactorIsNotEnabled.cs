using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Users.Rules;

/// <summary>An enabled authenticator is not set up again or re-confirmed: it is turned off first, with a code.</summary>
public sealed record TwoFactorIsNotEnabled(bool Enabled) : IBusinessRule
{
    public Error Error => ErrorCatalog.TwoFactorAlreadyEnabled;

    public bool IsBroken() => Enabled;
}
