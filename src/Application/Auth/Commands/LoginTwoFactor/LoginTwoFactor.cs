using Crm.Application.Auth.Commands.Login;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.LoginTwoFactor;

/// <summary>
/// Completes a sign-in that answered <c>two_factor_required</c>: the challenge token of that answer with a TOTP
/// code or a recovery code. A wrong code leaves the challenge alive (the throttle bounds the guesses); a right one
/// spends it, so of two parallel completions only one gets tokens.
/// </summary>
[AuditAction("login_two_factor")]
public sealed record LoginTwoFactorCommand(string ChallengeToken, string? Code, string? RecoveryCode) : ICommand<LoginResult>;

public sealed class LoginTwoFactorCommandHandler(
    IRepository<TwoFactorChallenge> challenges,
    IRepository<TwoFactorCredential> credentials,
    IRepository<User> users,
    ILoginThrottle throttle,
    SecondFactorCheck secondFactor,
    IRequestContext context,
    SessionIssuer sessions,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<LoginTwoFactorCommand, LoginResult>
{
    public async Task<LoginResult> Handle(LoginTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var challenge = !SecretTokens.IsWellFormed(request.ChallengeToken) ? null
            : await challenges.FirstOrDefaultAsync(new TwoFactorChallengeByHashSpecification(SecretTokens.Hash(request.ChallengeToken)), cancellationToken);
        var user = challenge is null || !challenge.IsUsable(now) ? null : await users.FindAsync(challenge.UserId, cancellationToken);
        var credential = user is null ? null
            : await credentials.FirstOrDefaultAsync(new EnabledTwoFactorOfUserSpecification(user.Id), cancellationToken);
        if (challenge is null || user is null || credential is null)
        {
            return LoginResult.Failed(ErrorCatalog.InvalidChallenge);
        }

        // Codes are guessed like passwords: the same slots per address and per account.
        var attempt = await throttle.TryReserveAsync(user.Email, context.ClientAddress);
        if (attempt.RetryAfter is { } wait)
        {
            audit.Record(Failure("two_factor_throttled", user.Id));
            return LoginResult.Throttled(wait);
        }

        var outcome = secondFactor.Check(credential, request.Code, request.RecoveryCode);
        if (outcome != SecondFactorOutcome.Accepted)
        {
            audit.Record(Failure(outcome == SecondFactorOutcome.Replayed ? "two_factor_code_replayed" : "two_factor_failed", user.Id));
            return LoginResult.Failed(ErrorCatalog.InvalidTwoFactorCode);
        }

        await throttle.ReleaseAsync(attempt);
        challenge.Complete(now);
        audit.Record(new AuditEvent(
            "sign_in", "user", user.Id, user.Id, [new AuditChange("second_factor", null, request.RecoveryCode is null ? "totp" : "recovery_code")]));
        return new LoginResult(await sessions.StartAsync(user, cancellationToken), null, null);
    }

    private static AuditEvent Failure(string action, Guid userId) => new(action, "user", userId, null, []);
}
