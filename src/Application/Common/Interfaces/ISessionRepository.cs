using Crm.Domain.Sessions;

namespace Crm.Application.Common.Interfaces;

public interface ISessionRepository
{
    Task<UserSession?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<RefreshToken?> FindRefreshTokenAsync(byte[] tokenHash, CancellationToken cancellationToken);

    void Add(UserSession session);

    void Add(RefreshToken token);

    /// <summary>Revokes every live session of the user at once (a password change signs out everywhere).</summary>
    Task RevokeAllAsync(Guid userId, string reason, DateTime now, CancellationToken cancellationToken);
}
