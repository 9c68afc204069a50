using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>Checks a TOTP code or a recovery code against a user's authenticator; an accepted one cannot be used again.</summary>
public sealed class SecondFactorCheck(ITotp totp, ISecretProtector protector, TimeProvider time)
{
    /// <summary>A code of six digits is a TOTP code; anything else is taken as a recovery code.</summary>
    public SecondFactorOutcome Check(TwoFactorCredential credential, string? code, string? recoveryCode)
    {
        var now = time.UtcNow();
        if (recoveryCode is null && code is { Length: 6 } && code.All(char.IsAsciiDigit))
        {
            var step = credential.IsEnabled
                ? totp.MatchingStep(protector.Unprotect(credential.SecretCiphertext, credential.UserId), code, now)
                : null;
            return credential.AcceptCode(step, now);
        }

        return credential.UseRecoveryCode(RecoveryCodes.Hash(recoveryCode ?? code ?? string.Empty), now);
    }
}
