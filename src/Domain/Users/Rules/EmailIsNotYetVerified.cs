using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Users.Rules;

/// <summary>A verification link is sent only to an address not yet proved.</summary>
public sealed record EmailIsNotYetVerified(bool Verified) : IBusinessRule
{
    public Error Error => ErrorCatalog.EmailAlreadyVerified;

    public bool IsBroken() => Verified;
}
