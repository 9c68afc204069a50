using Crm.Domain.Common;

namespace Crm.Domain.Sessions;

/// <summary>
/// One sign-in of a user: the family of refresh tokens that rotate from it, and the access tokens issued with it.
/// Revoking the session kills all of them at once.
/// </summary>
public sealed class UserSession : Entity
{
    /// <summary>
    /// How stale <see cref="LastUsedAt"/> may be: a request writes it only when it is older than this, so that
    /// signed-in traffic costs no write per request.
    /// </summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(5);

    private UserSession()
    {
    }

    public Guid UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the newest refresh token expires; the session is dead after that.</summary>
    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public string? RevokedReason { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>When the session was last seen: started, refreshed, or used by a request (to <see cref="LastUsedPrecision"/>).</summary>
    public DateTime LastUsedAt { get; private set; }

    public static UserSession Start(Guid userId, DateTime now, string? clientAddress, string? userAgent) => new()
    {
        Id = NewId(),
        UserId = userId,
        CreatedAt = now,
        ExpiresAt = now,
        LastUsedAt = now,
        ClientAddress = clientAddress is { Length: > 64 } ? clientAddress[..64] : clientAddress,
        UserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent,
    };

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>Whether a request at <paramref name="now"/> should record itself in <see cref="LastUsedAt"/>.</summary>
    public static bool IsLastUseStale(DateTime lastUsedAt, DateTime now) => now - lastUsedAt >= LastUsedPrecision;

    /// <summary>Issues the next refresh token of the family (stored only as a hash).</summary>
    public RefreshToken IssueRefreshToken(byte[] tokenHash, DateTime now, TimeSpan lifetime)
    {
        var token = new RefreshToken(Id, tokenHash, now, now + lifetime);
        ExpiresAt = token.ExpiresAt;
        LastUsedAt = now;
        return token;
    }

    /// <summary>
    /// Redeems a refresh token of this session. A token presented a second time means it was stolen or
    /// replayed: the whole family is revoked, so the legitimate holder must sign in again too.
    /// </summary>
    public RefreshOutcome Redeem(RefreshToken token, DateTime now)
    {
        if (token.SessionId != Id)
        {
            throw new ArgumentException("The token belongs to another session.", nameof(token));
        }

        if (RevokedAt is not null)
        {
            return RefreshOutcome.SessionRevoked;
        }

        if (token.UsedAt is not null)
        {
            Revoke(SessionRevocation.RefreshTokenReused, now);
            return RefreshOutcome.Reused;
        }

        if (token.ExpiresAt <= now)
        {
            return RefreshOutcome.Expired;
        }

        token.MarkUsed(now);
        return RefreshOutcome.Redeemed;
    }

    /// <summary>Revokes the session; revoking a revoked session keeps the first reason.</summary>
    public void Revoke(string reason, DateTime now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
    }
}

public enum RefreshOutcome
{
    Redeemed,
    Expired,
    Reused,
    SessionRevoked,
}
