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

namespace Crm.Application.Auth.Commands.EnableTwoFactor;

/// <summary>
/// Confirms the pending authenticator with a code it produced, which turns two-factor sign-in on, and hands out ten
/// single-use recovery codes, shown this once.
/// </summary>
[Authorize]
[AuditAction("two_factor_enable")]
public sealed record EnableTwoFactorCommand(string Code) : ICommand<RecoveryCodesDto>;

public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);

public sealed class EnableTwoFactorCommandHandler(
    IRepository<TwoFactorCredential> credentials,
    ITotp totp,
    ISecretProtector protector,
    IRequestContext context,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<EnableTwoFactorCommand, RecoveryCodesDto>
{
    public async Task<RecoveryCodesDto> Handle(EnableTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var credential = await credentials.FirstOrDefaultAsync(new TwoFactorCredentialOfUserSpecification(userId), cancellationToken)
            ?? throw new ConflictException(ErrorCatalog.TwoFactorSetupRequired);
        var now = time.UtcNow();
        var step = credential.IsEnabled ? null : totp.MatchingStep(protector.Unprotect(credential.SecretCiphertext, userId), request.Code, now);
        var (codes, hashes) = RecoveryCodes.Generate();
        credential.Enable(step, [.. hashes], now);
        audit.Record(new AuditEvent("two_factor_enabled", "user", userId, userId, []));
        return new RecoveryCodesDto(codes);
    }
}
