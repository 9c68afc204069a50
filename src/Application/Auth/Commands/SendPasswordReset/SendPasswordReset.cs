using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Domain.Common;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.SendPasswordReset;

/// <summary>
/// Sends a password reset link when the email belongs to an account: worked from the queue of forgot-password
/// requests, never by a caller waiting for the answer. At most <see cref="SendPasswordResetCommandHandler.MaxEmailsPerHour"/>
/// links go to one address an hour, so the endpoint cannot be used to flood someone's mailbox.
/// </summary>
[AuditAction("send_password_reset")]
[NoValidator("Only the forgot-password queue sends it, with an address its validator already accepted.")]
public sealed record SendPasswordResetCommand(string Email) : ICommand<Unit>;

public sealed class SendPasswordResetCommandHandler(
    IRepository<User> users, IRepository<PasswordResetToken> tokens, IEmailOutbox outbox, IEmailLinks links, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<SendPasswordResetCommand, Unit>
{
    public const int MaxEmailsPerHour = 3;

    public async Task<Unit> Handle(SendPasswordResetCommand request, CancellationToken cancellationToken)
    {
        if (await users.FirstOrDefaultAsync(new UserByEmailSpecification(request.Email), cancellationToken) is not { } user)
        {
            return Unit.Value;
        }

        var recent = await tokens.ListAsync(new RecentPasswordResetTokensSpecification(user.Id, time.UtcNow().AddHours(-1)), cancellationToken);
        if (recent.Count >= MaxEmailsPerHour)
        {
            return Unit.Value;
        }

        var (token, hash) = SecretTokens.Generate();
        tokens.Add(PasswordResetToken.Issue(user.Id, hash, time.UtcNow()));
        outbox.Queue(EmailTemplate.PasswordReset, user.Email, new Dictionary<string, object?>
        {
            ["name"] = user.Name,
            ["link"] = links.ResetPassword(token),
            ["minutes"] = (int)PasswordResetToken.Lifetime.TotalMinutes,
        }, null);
        audit.Record(new AuditEvent("password_reset_requested", "user", user.Id, null, []));
        return Unit.Value;
    }
}
