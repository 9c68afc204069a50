using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.Login;

[AuditAction("login")]
public sealed record LoginCommand(string Email, string Password) : ICommand<LoginResult>;

public sealed class LoginCommandHandler(
    IRepository<User> users,
    IRepository<TwoFactorCredential> credentials,
    IRepository<TwoFactorChallenge> challenges,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    IRequestContext context,
    SessionIssuer sessions,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<LoginCommand, LoginResult>
{
    public async Task<LoginResult> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        // The slot is taken before the slow hash, so parallel guesses cannot all pass the check together.
        var attempt = await throttle.TryReserveAsync(request.Email, context.ClientAddress);
        if (attempt.RetryAfter is { } wait)
        {
            audit.Record(Failure("sign_in_throttled", null, request.Email));
            return LoginResult.Throttled(wait);
        }

        var user = await users.FirstOrDefaultAsync(new UserByEmailSpecification(request.Email), cancellationToken);
        var check = hasher.Verify(user?.PasswordHash ?? hasher.DecoyHash, request.Password);
        if (user is null || check == PasswordCheck.Failed)
        {
            audit.Record(Failure("sign_in_failed", user?.Id, request.Email));
            return LoginResult.Refused();
        }

        await throttle.ReleaseAsync(attempt);
        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            user.ChangePasswordHash(hasher.Hash(request.Password), time.UtcNow());
        }

        if (await credentials.AnyAsync(new EnabledTwoFactorOfUserSpecification(user.Id), cancellationToken))
        {
            // The password alone proves half: the answer is a short-lived challenge, never a session.
            var (challengeToken, hash) = SecretTokens.Generate();
            challenges.Add(TwoFactorChallenge.Issue(user.Id, hash, time.UtcNow()));
            audit.Record(new AuditEvent("sign_in_two_factor_required", "user", user.Id, user.Id, []));
            return LoginResult.TwoFactorRequired(challengeToken);
        }

        audit.Record(new AuditEvent("sign_in", "user", user.Id, user.Id, []));
        return new LoginResult(await sessions.StartAsync(user, cancellationToken), null, null);
    }

    /// <summary>A refused sign-in: the email tried, never the password; no actor, since nobody proved who they are.</summary>
    private static AuditEvent Failure(string action, Guid? userId, string email) =>
        new(action, "user", userId, null, [new AuditChange("email", null, email)]);
}
