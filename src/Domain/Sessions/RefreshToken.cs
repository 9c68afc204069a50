using Crm.Domain.Common;

namespace Crm.Domain.Sessions;

/// <summary>One single-use refresh token of a session, stored as the SHA-256 of the token.</summary>
public sealed class RefreshToken : Entity
{
    private RefreshToken()
    {
        TokenHash = [];
    }

    internal RefreshToken(Guid sessionId, byte[] tokenHash, DateTime now, DateTime expiresAt)
    {
        Id = NewId();
        SessionId = sessionId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid SessionId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    internal void MarkUsed(DateTime now) => UsedAt = now;
}
