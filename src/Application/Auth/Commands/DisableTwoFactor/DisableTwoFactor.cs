using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.DisableTwoFactor;

/// <summary>
/// Turns two-factor sign-in off, proven by the password and a current code or an unused recovery code (for a lost
/// device); the authenticator and its recovery codes are deleted. Both checks count against the sign-in throttle.
/// </summary>
[Authorize]
[AuditAction("two_factor_disable")]
public sealed record DisableTwoFactorCommand(string Password, string Code) : ICommand<Unit>;

public sealed class DisableTwoFactorCommandHandler(
    IRepository<User> users,
    IRepository<TwoFactorCredential> credentials,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    SecondFactorCheck secondFactor,
    IRequestContext context,
    IAuditTrail audit) : IRequestHandler<DisableTwoFactorCommand, Unit>
{
    public async Task<Unit> Handle(DisableTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        var credential = await credentials.FirstOrDefaultAsync(new EnabledTwoFactorOfUserSpecification(user.Id), cancellationToken)
            ?? throw new ConflictException(ErrorCatalog.TwoFactorNotEnabled);

        // A stolen session must not be able to guess the password or the code without limit.
        var attempt = await throttle.TryReserveAsync(user.Email, context.ClientAddress);
        if (attempt.RetryAfter is { } wait)
        {
            throw new TooManyRequestsException(ErrorCatalog.TooManyLoginAttempts, wait);
        }

        if (hasher.Verify(user.PasswordHash, request.Password) == PasswordCheck.Failed)
        {
            throw new InvalidInputException(ErrorCatalog.WrongPassword);
        }

        if (secondFactor.Check(credential, request.Code, null) != SecondFactorOutcome.Accepted)
        {
            throw new InvalidInputException(ErrorCatalog.InvalidTwoFactorCode);
        }

        await throttle.ReleaseAsync(attempt);
        credentials.Remove(credential);
        audit.Record(new AuditEvent("two_factor_disabled", "user", user.Id, user.Id, []));
        return Unit.Value;
    }
}
