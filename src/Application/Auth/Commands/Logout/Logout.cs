using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Sessions;
using MediatR;

namespace Crm.Application.Auth.Commands.Logout;

/// <summary>Ends the caller's session: its access and refresh tokens stop working at once.</summary>
[Authorize]
[NoValidator("It has no input: it ends the caller's own session.")]
[AuditAction("logout")]
public sealed record LogoutCommand : ICommand<Unit>;

public sealed class LogoutCommandHandler(IRepository<UserSession> sessions, IRequestContext context, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        if (context.SessionId is { } sessionId && await sessions.FindAsync(sessionId, cancellationToken) is { } session)
        {
            session.Revoke(SessionRevocation.Logout, time.UtcNow());
            audit.Record(new AuditEvent("sign_out", "user", session.UserId, session.UserId, []));
        }

        return Unit.Value;
    }
}
