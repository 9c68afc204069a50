using Crm.Domain.Invitations;
using Crm.Domain.Users;

namespace Crm.Application.Common.Interfaces;

/// <summary>Password-reset tokens and invitations, looked up by the hash of their token.</summary>
public interface IAccountTokens
{
    void Add(PasswordResetToken token);

    Task<PasswordResetToken?> FindResetAsync(byte[] tokenHash, CancellationToken cancellationToken);

    void Add(Invitation invitation);

    Task<Invitation?> FindInvitationAsync(byte[] tokenHash, CancellationToken cancellationToken);

    Task<Invitation?> FindPendingInvitationAsync(Guid organizationId, string email, CancellationToken cancellationToken);
}
