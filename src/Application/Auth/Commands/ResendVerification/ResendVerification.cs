using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.ResendVerification;

/// <summary>Emails the caller a new verification link; the previous link stops working.</summary>
[Authorize]
[NoValidator("It has no input: it concerns the caller's own account.")]
[AuditAction("resend_verification")]
public sealed record ResendVerificationCommand : ICommand<Unit>;

public sealed class ResendVerificationCommandHandler(
    IRepository<User> users, IRequestContext context, IEmailOutbox outbox, IEmailLinks links, TimeProvider time)
    : IRequestHandler<ResendVerificationCommand, Unit>
{
    public async Task<Unit> Handle(ResendVerificationCommand request, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(context.RequireUserId(), cancellationToken)
            ?? throw new UnauthorizedException(ErrorCatalog.InvalidToken, "The account no longer exists.");
        EmailVerificationLink.Send(user, outbox, links, time.UtcNow());
        return Unit.Value;
    }
}
