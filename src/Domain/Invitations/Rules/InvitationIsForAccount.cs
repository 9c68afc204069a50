using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Invitations.Rules;

/// <summary>
/// Only the account of the invited address (in canonical form) answers an invitation; to anyone else it does not
/// exist.
/// </summary>
public sealed record InvitationIsForAccount(string InvitedEmail, string AccountEmail) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvitationNotFound;

    public bool IsBroken() => !string.Equals(InvitedEmail, AccountEmail, StringComparison.Ordinal);
}
