using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Domain.Common;
using Crm.Domain.Sessions;
using MediatR;

namespace Crm.Application.Auth.Commands.Refresh;

/// <summary>
/// Trades a refresh token for a new pair. A refused refresh is an answer, not an exception: reuse revokes the
/// whole session family, and that revocation must be committed even though the caller gets a 401.
/// </summary>
public sealed record RefreshCommand(string RefreshToken) : ICommand<RefreshResult>;

public sealed record RefreshResult(AuthResult? Tokens, string? FailureCode, string? FailureMessage)
{
    public static RefreshResult Failed(string code, string message) => new(null, code, message);
}

public sealed class RefreshCommandHandler(
    ISessionRepository sessions,
    IUserRepository users,
    SessionIssuer issuer,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<RefreshCommand, RefreshResult>
{
    public async Task<RefreshResult> Handle(RefreshCommand request, CancellationToken cancellationToken)
    {
        var token = await sessions.FindRefreshTokenAsync(RefreshTokens.Hash(request.RefreshToken), cancellationToken);
        var session = token is null ? null : await sessions.FindAsync(token.SessionId, cancellationToken);
        if (token is null || session is null)
        {
            await audit.RecordNowAsync(new AuditEvent("refresh_failed", null, null, null, []), cancellationToken);
            return RefreshResult.Failed("invalid_refresh_token", "The refresh token is not valid.");
        }

        var outcome = session.Redeem(token, time.UtcNow());
        audit.Record(outcome == RefreshOutcome.Redeemed
            ? new AuditEvent("refresh", "user", session.UserId, session.UserId, [])
            : new AuditEvent(outcome == RefreshOutcome.Reused ? "refresh_token_reused" : "refresh_failed", "user", session.UserId, null, []));
        var user = outcome == RefreshOutcome.Redeemed ? await users.FindAsync(session.UserId, cancellationToken) : null;
        return (outcome, user) switch
        {
            (RefreshOutcome.Redeemed, { } u) => new RefreshResult(await issuer.RotateAsync(u, session, cancellationToken), null, null),
            (RefreshOutcome.Reused, _) => RefreshResult.Failed(
                "refresh_token_reused", "The refresh token was already used; the session has been revoked."),
            (RefreshOutcome.Expired, _) => RefreshResult.Failed("refresh_token_expired", "The refresh token has expired."),
            _ => RefreshResult.Failed("session_revoked", "The session has ended. Sign in again."),
        };
    }
}
