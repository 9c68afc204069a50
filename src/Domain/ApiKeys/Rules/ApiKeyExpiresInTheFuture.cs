using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.ApiKeys.Rules;

/// <summary>A key's expiry, when it has one, lies ahead: a key born expired would only confuse.</summary>
public sealed record ApiKeyExpiresInTheFuture(DateTime? ExpiresAt, DateTime Now) : IBusinessRule
{
    public Error Error => ErrorCatalog.ApiKeyExpiryInPast;

    public bool IsBroken() => ExpiresAt is { } expiresAt && expiresAt <= Now;
}
