using Ardalis.Specification;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>The two-factor challenge whose token's SHA-256 is the one given.</summary>
public sealed class TwoFactorChallengeByHashSpecification : Specification<TwoFactorChallenge>, ISingleResultSpecification<TwoFactorChallenge>
{
    public TwoFactorChallengeByHashSpecification(byte[] hash) => Query.Where(c => c.TokenHash == hash);
}
