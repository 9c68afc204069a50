using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.SetupTwoFactor;

/// <summary>
/// Starts turning two-factor sign-in on: a new authenticator secret, pending until a code confirms it. Asked again
/// before that, it replaces the pending secret; once enabled, it is refused.
/// </summary>
[Authorize]
[NoValidator("It has no input: it concerns the caller's own account.")]
[AuditAction("two_factor_setup")]
public sealed record SetupTwoFactorCommand : ICommand<TwoFactorSetupDto>;

/// <summary>The secret for the authenticator app: typed as <c>secret</c>, or scanned from <c>otpauth_uri</c>.</summary>
public sealed record TwoFactorSetupDto(string Secret, string OtpauthUri);

public sealed class SetupTwoFactorCommandHandler(
    IRepository<User> users,
    IRepository<TwoFactorCredential> credentials,
    ITotp totp,
    ISecretProtector protector,
    IRequestContext context,
    IAuditTrail audit,
    TimeProvider time) : IRequestHandler<SetupTwoFactorCommand, TwoFactorSetupDto>
{
    public async Task<TwoFactorSetupDto> Handle(SetupTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        var secret = totp.NewSecret();
        var ciphertext = protector.Protect(secret, user.Id);
        var now = time.UtcNow();
        if (await credentials.FirstOrDefaultAsync(new TwoFactorCredentialOfUserSpecification(user.Id), cancellationToken) is { } pending)
        {
            pending.Restart(ciphertext, now);
        }
        else
        {
            credentials.Add(TwoFactorCredential.Begin(user.Id, ciphertext, now));
        }

        audit.Record(new AuditEvent("two_factor_setup", "user", user.Id, user.Id, []));
        return new TwoFactorSetupDto(totp.Encode(secret), totp.ProvisioningUri(secret, user.Email));
    }
}
