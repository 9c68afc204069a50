using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.ChangePassword;

/// <summary>
/// Changes the caller's password, proven by the current one. Every other session ends (the caller's own goes on), and
/// the address is told by email, so that a change made by someone else does not go unnoticed. Wrong current
/// passwords count in the sign-in throttle of the account's email, so a stolen access token cannot be used to guess it.
/// </summary>
[Authorize]
[AuditAction("change_password")]
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<ChangePasswordResult>;

public sealed class ChangePasswordCommandHandler(
    IRepository<User> users,
    IRepository<UserSession> sessions,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    IEmailOutbox outbox,
    IRequestContext context,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<ChangePasswordCommand, ChangePasswordResult>
{
    public async Task<ChangePasswordResult> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        if (await PasswordReentry.CheckAsync(user, request.CurrentPassword, throttle, hasher, context) is { } refusal)
        {
            if (refusal.RetryAfter is { } wait)
            {
                audit.Record(new AuditEvent("password_change_throttled", "user", user.Id, user.Id, []));
                return ChangePasswordResult.Throttled(wait);
            }

            audit.Record(new AuditEvent("password_change_failed", "user", user.Id, user.Id, []));
            return ChangePasswordResult.WrongCurrentPassword();
        }

        var now = time.UtcNow();
        user.ChangePasswordHash(hasher.Hash(request.NewPassword), now);
        foreach (var session in await sessions.ListAsync(new LiveSessionsOfUserSpecification(user.Id), cancellationToken))
        {
            if (session.Id != context.SessionId)
            {
                session.Revoke(SessionRevocation.PasswordChanged, now);
            }
        }

        outbox.Queue(EmailTemplate.PasswordChanged, user.Email, new Dictionary<string, object?>
        {
            ["name"] = user.Name,
            ["when"] = now.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        }, null);
        audit.Record(new AuditEvent("password_changed", "user", user.Id, user.Id, []));
        return ChangePasswordResult.Changed;
    }
}
