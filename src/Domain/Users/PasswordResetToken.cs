using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Users.Rules;

namespace Crm.Domain.Users;

/// <summary>A single-use, expiring permission to choose a new password, stored as the SHA-256 of the token.</summary>
public sealed class PasswordResetToken : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private PasswordResetToken()
    {
        TokenHash = [];
    }

    public Guid UserId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public static PasswordResetToken Issue(Guid userId, byte[] tokenHash, DateTime now) => new()
    {
        Id = NewId(),
        UserId = userId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    /// <summary>Spends the token; refused when it was spent already or has expired.</summary>
    public void Use(DateTime now)
    {
        BusinessRules.Check(new TokenIsUsable(UsedAt, ExpiresAt, now, ErrorCatalog.InvalidResetToken));
        UsedAt = now;
    }
}
