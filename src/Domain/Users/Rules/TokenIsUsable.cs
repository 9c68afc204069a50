using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Users.Rules;

/// <summary>A single-use token may be used once, before it expires.</summary>
public sealed record TokenIsUsable(DateTime? UsedAt, DateTime ExpiresAt, DateTime Now, Error Error) : IBusinessRule
{

    public bool IsBroken() => UsedAt is not null || ExpiresAt <= Now;
}
