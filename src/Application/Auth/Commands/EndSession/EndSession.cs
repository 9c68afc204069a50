using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Sessions;
using MediatR;

namespace Crm.Application.Auth.Commands.EndSession;

/// <summary>
/// Ends one of the caller's live sessions (the current one too, like signing out): its access and refresh tokens
/// stop working at once. Another user's session, or one already ended, is not found.
/// </summary>
[Authorize]
[AuditAction("end_session")]
public sealed record EndSessionCommand(Guid SessionId) : ICommand<Unit>;

public sealed class EndSessionCommandHandler(IRepository<UserSession> sessions, IRequestContext context, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<EndSessionCommand, Unit>
{
    public async Task<Unit> Handle(EndSessionCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var userId = context.RequireUserId();
        var session = await sessions.FirstOrDefaultAsync(new LiveSessionOfUserSpecification(request.SessionId, userId, now), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.SessionNotFound);
        session.Revoke(SessionRevocation.EndedByUser, now);
        audit.Record(new AuditEvent("session_ended", "session", session.Id, userId, []));
        return Unit.Value;
    }
}
