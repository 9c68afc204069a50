using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.Refresh;

/// <summary>
/// Trades a refresh token for a new pair. A refused refresh is an answer, not an exception: reuse revokes the
/// whole session family, and that revocation must be committed even though the caller gets a 401.
/// </summary>
[AuditAction("refresh")]
public sealed record RefreshCommand(string RefreshToken) : ICommand<RefreshResult>;

public sealed record RefreshResult(AuthResult? Tokens, Error? Failure)
{
    public static RefreshResult Failed(Error failure) => new(null, failure);
}

public sealed class RefreshCommandHandler(
    IRepository<RefreshToken> refreshTokens,
    IRepository<UserSession> sessions,
    IRepository<User> users,
    SessionIssuer issuer,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<RefreshCommand, RefreshResult>
{
    public async Task<RefreshResult> Handle(RefreshCommand request, CancellationToken cancellationToken)
    {
        var token = !SecretTokens.IsWellFormed(request.RefreshToken) ? null : await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpecification(SecretTokens.Hash(request.RefreshToken)), cancellationToken);
        var session = token is null ? null : await sessions.FindAsync(token.SessionId, cancellationToken);
        if (token is null || session is null)
        {
            await audit.RecordNowAsync(new AuditEvent("refresh_failed", null, null, null, []), cancellationToken);
            return RefreshResult.Failed(ErrorCatalog.InvalidRefreshToken);
        }

        var outcome = session.Redeem(token, time.UtcNow());
        audit.Record(outcome == RefreshOutcome.Redeemed
            ? new AuditEvent("refresh", "user", session.UserId, session.UserId, [])
            : new AuditEvent(outcome == RefreshOutcome.Reused ? SessionRevocation.RefreshTokenReused : "refresh_failed", "user", session.UserId, null, []));
        var user = outcome == RefreshOutcome.Redeemed ? await users.FindAsync(session.UserId, cancellationToken) : null;
        return (outcome, user) switch
        {
            (RefreshOutcome.Redeemed, { } u) => new RefreshResult(await issuer.RotateAsync(u, session, cancellationToken), null),
            (RefreshOutcome.Reused, _) => RefreshResult.Failed(ErrorCatalog.RefreshTokenReused),
            (RefreshOutcome.Expired, _) => RefreshResult.Failed(ErrorCatalog.RefreshTokenExpired),
            _ => RefreshResult.Failed(ErrorCatalog.SessionRevoked),
        };
    }
}
