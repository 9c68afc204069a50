using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Users.Rules;

namespace Crm.Domain.Users;

/// <summary>
/// The second half of a sign-in whose password was right: a single-use token, stored as its SHA-256, that a
/// two-factor code completes within <see cref="Lifetime"/>. It proves the password, nothing more, and is no access token.
/// </summary>
public sealed class TwoFactorChallenge : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private TwoFactorChallenge()
    {
        TokenHash = [];
    }

    public Guid UserId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public static TwoFactorChallenge Issue(Guid userId, byte[] tokenHash, DateTime now) => new()
    {
        Id = NewId(),
        UserId = userId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public bool IsUsable(DateTime now) => !new TokenIsUsable(UsedAt, ExpiresAt, now, ErrorCatalog.InvalidChallenge).IsBroken();

    /// <summary>Spends the challenge once its code was accepted; refused when spent already or expired.</summary>
    public void Complete(DateTime now)
    {
        BusinessRules.Check(new TokenIsUsable(UsedAt, ExpiresAt, now, ErrorCatalog.InvalidChallenge));
        UsedAt = now;
    }
}
