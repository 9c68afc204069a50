using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.ApiKeys;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.DeleteMe;

/// <summary>
/// Deletes the caller's own account, proven by its password. Refused while the caller is the last owner of an
/// organization (409 <c>last_owner</c>: hand the role over first). The caller leaves every organization, every session
/// ends, the API keys it created are revoked and its authenticator and reset links are removed; the account stays as a
/// tombstone named "Deleted user" without its address, so the records it owns or wrote keep their owner and author.
/// Wrong passwords count in the sign-in throttle of the account's email, as for a password change.
/// </summary>
[Authorize]
[AuditAction("delete_account")]
public sealed record DeleteMeCommand(string Password) : ICommand<Unit>;

public sealed class DeleteMeCommandHandler(
    IRepository<User> users,
    IRepository<Organization> organizations,
    IRepository<UserSession> sessions,
    IRepository<ApiKey> apiKeys,
    IRepository<TwoFactorCredential> credentials,
    IRepository<PasswordResetToken> resetTokens,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    IRequestContext context,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<DeleteMeCommand, Unit>
{
    public async Task<Unit> Handle(DeleteMeCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        if (await PasswordReentry.CheckAsync(user, request.Password, throttle, hasher, context) is { } refusal)
        {
            // Recorded on its own: the refusal rolls this command back.
            if (refusal.RetryAfter is { } wait)
            {
                await audit.RecordNowAsync(new AuditEvent("account_deletion_throttled", "user", user.Id, user.Id, []), cancellationToken);
                throw new TooManyRequestsException(ErrorCatalog.TooManyLoginAttempts, wait);
            }

            await audit.RecordNowAsync(new AuditEvent("account_deletion_failed", "user", user.Id, user.Id, []), cancellationToken);
            throw new BusinessRuleException(ErrorCatalog.WrongPassword);
        }

        var now = time.UtcNow();
        foreach (var organization in await organizations.ListAsync(new OrganizationsOfMemberSpecification(user.Id), cancellationToken))
        {
            // Leaving as oneself: the rules refuse the last owner, so nothing is written unless every organization lets go.
            var membership = organization.FindMember(user.Id)!;
            organization.RemoveMember(new Actor(user.Id, membership.Role), user.Id, now);
        }

        foreach (var session in await sessions.ListAsync(new LiveSessionsOfUserSpecification(user.Id), cancellationToken))
        {
            session.Revoke(SessionRevocation.AccountDeleted, now);
        }

        foreach (var key in await apiKeys.ListAsync(new LiveApiKeysCreatedBySpecification(user.Id), cancellationToken))
        {
            key.RevokeAsCreatorLeaves(now);
        }

        foreach (var credential in await credentials.ListAsync(new TwoFactorCredentialOfUserSpecification(user.Id), cancellationToken))
        {
            credentials.Remove(credential);
        }

        foreach (var token in await resetTokens.ListAsync(new RecentPasswordResetTokensSpecification(user.Id, DateTime.MinValue), cancellationToken))
        {
            resetTokens.Remove(token);
        }

        user.Delete(now);
        audit.Record(new AuditEvent("delete_account", "user", user.Id, user.Id, []));
        return Unit.Value;
    }
}
