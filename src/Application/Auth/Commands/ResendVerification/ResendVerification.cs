using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.RateLimiting;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Users;
using Crm.Domain.Users.Rules;
using MediatR;

namespace Crm.Application.Auth.Commands.ResendVerification;

/// <summary>
/// Emails the caller a new verification link; the previous link stops working. Bounded per user
/// (<see cref="KeyedLimit.ResendVerificationPerUser"/>), so a signed-in account cannot flood a mailbox.
/// </summary>
[Authorize]
[NoValidator("It has no input: it concerns the caller's own account.")]
[AuditAction("resend_verification")]
public sealed record ResendVerificationCommand : ICommand<Unit>;

public sealed class ResendVerificationCommandHandler(
    IRepository<User> users, IRequestContext context, IEmailOutbox outbox, IEmailLinks links, IKeyedRateLimiter limiter, TimeProvider time)
    : IRequestHandler<ResendVerificationCommand, Unit>
{
    public async Task<Unit> Handle(ResendVerificationCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        // A verified address is refused before it spends one of the hour's emails.
        BusinessRules.Check(new EmailIsNotYetVerified(user.EmailVerified));

        await limiter.EnforceAsync(KeyedLimit.ResendVerificationPerUser, user.Id.ToString(), "verification emails to this account", cancellationToken);
        EmailVerificationLink.Send(user, outbox, links, time.UtcNow());
        return Unit.Value;
    }
}
