using Crm.Application.Common.Interfaces;
using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data.Repositories;

internal sealed class UserRepository(CrmDbContext db) : IUserRepository
{
    public Task<User?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        return db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    public Task<bool> EmailExistsAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        return db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    public void Add(User user) => db.Users.Add(user);
}

internal sealed class OrganizationRepository(CrmDbContext db) : IOrganizationRepository
{
    public Task<Organization?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Organizations.Include(o => o.Memberships).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public void Add(Organization organization) => db.Organizations.Add(organization);
}

internal sealed class SessionRepository(CrmDbContext db) : ISessionRepository
{
    public Task<UserSession?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<RefreshToken?> FindRefreshTokenAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    public void Add(UserSession session) => db.Sessions.Add(session);

    public void Add(RefreshToken token) => db.RefreshTokens.Add(token);

    public Task RevokeAllAsync(Guid userId, string reason, DateTime now, CancellationToken cancellationToken) =>
        db.Sessions
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
}
