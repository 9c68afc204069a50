using Crm.Application.Common.Interfaces;
using Crm.Domain.Invitations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data.Repositories;

internal sealed class AccountTokens(CrmDbContext db) : IAccountTokens
{
    public void Add(PasswordResetToken token) => db.Add(token);

    public Task<PasswordResetToken?> FindResetAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        db.Set<PasswordResetToken>().FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    public void Add(Invitation invitation) => db.Add(invitation);

    public Task<Invitation?> FindInvitationAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);

    public Task<Invitation?> FindPendingInvitationAsync(Guid organizationId, string email, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        return db.Set<Invitation>().FirstOrDefaultAsync(
            i => i.OrganizationId == organizationId && i.NormalizedEmail == normalized && i.AcceptedAt == null, cancellationToken);
    }
}
