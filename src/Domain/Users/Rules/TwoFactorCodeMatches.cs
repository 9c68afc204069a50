using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Users.Rules;

/// <summary>A secret is enabled only once its owner showed a code it produces, proving the authenticator holds it.</summary>
public sealed record TwoFactorCodeMatches(bool Matches) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidTwoFactorCode;

    public bool IsBroken() => !Matches;
}
