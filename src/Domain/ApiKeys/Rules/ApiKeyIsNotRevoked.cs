using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.ApiKeys.Rules;

/// <summary>A revoked key is gone for its organization: revoking it again finds nothing.</summary>
public sealed record ApiKeyIsNotRevoked(DateTime? RevokedAt) : IBusinessRule
{
    public Error Error => ErrorCatalog.ApiKeyNotFound;

    public bool IsBroken() => RevokedAt is not null;
}
