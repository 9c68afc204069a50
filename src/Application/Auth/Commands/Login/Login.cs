using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.Login;

[AuditAction("login")]
public sealed record LoginCommand(string Email, string Password) : ICommand<AuthResult>;

public sealed class LoginCommandHandler(
    IRepository<User> users,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    IRequestContext context,
    SessionIssuer sessions,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<LoginCommand, AuthResult>
{
    public async Task<AuthResult> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        if (throttle.RetryAfter(request.Email, context.ClientAddress) is { } wait)
        {
            await audit.RecordNowAsync(Failure("sign_in_throttled", null, request.Email), cancellationToken);
            throw new TooManyRequestsException(ErrorCatalog.TooManyLoginAttempts, wait);
        }

        var user = await users.FirstOrDefaultAsync(new UserByEmailSpecification(request.Email), cancellationToken);
        var check = hasher.Verify(user?.PasswordHash ?? hasher.DecoyHash, request.Password);
        if (user is null || check == PasswordCheck.Failed)
        {
            throttle.RecordFailure(request.Email, context.ClientAddress);
            await audit.RecordNowAsync(Failure("sign_in_failed", user?.Id, request.Email), cancellationToken);
            throw new UnauthorizedException(ErrorCatalog.InvalidCredentials);
        }

        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            user.ChangePasswordHash(hasher.Hash(request.Password), time.UtcNow());
        }

        audit.Record(new AuditEvent("sign_in", "user", user.Id, user.Id, []));
        return await sessions.StartAsync(user, cancellationToken);
    }

    /// <summary>A refused sign-in: the email tried, never the password; no actor, since nobody proved who they are.</summary>
    private static AuditEvent Failure(string action, Guid? userId, string email) =>
        new(action, "user", userId, null, [new AuditChange("email", null, email)]);
}
