using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.ResetPassword;

/// <summary>Chooses a new password with a reset link's token; every session of the account ends.</summary>
[AuditAction("reset_password")]
public sealed record ResetPasswordCommand(string Token, string Password) : ICommand<Unit>;

public sealed class ResetPasswordCommandHandler(
    IRepository<PasswordResetToken> tokens, IRepository<User> users, IRepository<UserSession> sessions, IPasswordHasher hasher, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<ResetPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var token = await tokens.FirstOrDefaultAsync(new PasswordResetTokenByHashSpecification(SecretTokens.Hash(request.Token)), cancellationToken)
            ?? throw new BusinessRuleException(ErrorCatalog.InvalidResetToken);
        token.Use(now);
        var user = await users.FindAsync(token.UserId, cancellationToken)
            ?? throw new BusinessRuleException(ErrorCatalog.InvalidResetToken);
        user.ChangePasswordHash(hasher.Hash(request.Password), now);
        foreach (var session in await sessions.ListAsync(new LiveSessionsOfUserSpecification(user.Id), cancellationToken))
        {
            session.Revoke(SessionRevocation.PasswordReset, now);
        }
        audit.Record(new AuditEvent("password_reset", "user", user.Id, user.Id, []));
        return Unit.Value;
    }
}
