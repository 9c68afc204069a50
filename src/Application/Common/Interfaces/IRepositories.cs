using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Users;

namespace Crm.Application.Common.Interfaces;

public interface IUserRepository
{
    Task<User?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<bool> EmailExistsAsync(string email, CancellationToken cancellationToken);

    void Add(User user);
}

public interface IOrganizationRepository
{
    /// <summary>The organization with all its memberships, tracked for change.</summary>
    Task<Organization?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(Organization organization);
}

public interface ISessionRepository
{
    Task<UserSession?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<RefreshToken?> FindRefreshTokenAsync(byte[] tokenHash, CancellationToken cancellationToken);

    void Add(UserSession session);

    void Add(RefreshToken token);

    /// <summary>Revokes every live session of the user at once (a password change signs out everywhere).</summary>
    Task RevokeAllAsync(Guid userId, string reason, DateTime now, CancellationToken cancellationToken);
}
