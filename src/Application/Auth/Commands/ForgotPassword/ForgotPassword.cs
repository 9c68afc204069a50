using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.RateLimiting;
using Crm.Application.Common.Security;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.ForgotPassword;

/// <summary>
/// Asks for a password reset link. The answer is the same whether or not the email has an account, and so is the
/// work done before answering: the request is only counted against the address's limit and queued; the lookup and
/// the email happen afterwards (<see cref="SendPasswordReset.SendPasswordResetCommand"/>).
/// </summary>
[AuditAction("forgot_password")]
public sealed record ForgotPasswordCommand(string Email) : ICommand<Unit>;

public sealed class ForgotPasswordCommandHandler(IKeyedRateLimiter limiter, IPasswordResetRequests queue, IRequestContext context)
    : IRequestHandler<ForgotPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ForgotPasswordCommand request, CancellationToken cancellationToken)
    {
        var email = User.Normalize(request.Email);
        await limiter.EnforceAsync(KeyedLimit.ForgotPasswordPerEmail, email, "this email address", cancellationToken);
        queue.Enqueue(new PasswordResetRequest(email, context.ClientAddress, context.UserAgent));
        return Unit.Value;
    }
}
