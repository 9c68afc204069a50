using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>
/// An account joins an organization other than the one it created only once its address is proved; otherwise
/// whoever registered someone else's address first would be let in when that address is added.
/// </summary>
public sealed record JoiningAccountIsVerified(bool EmailVerified) : IBusinessRule
{
    public Error Error => ErrorCatalog.EmailNotVerified;

    public bool IsBroken() => !EmailVerified;
}
