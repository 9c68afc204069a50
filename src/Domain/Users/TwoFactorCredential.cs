using Crm.Domain.Common;
using Crm.Domain.Users.Rules;

namespace Crm.Domain.Users;

/// <summary>
/// A user's authenticator for two-factor sign-in (TOTP, RFC 6238): the shared secret as the application encrypted
/// it, whether its owner confirmed it, the last time step accepted (so a code works once) and the hashes of the
/// recovery codes not used yet. One per user; setting up again before confirming replaces the pending secret.
/// </summary>
public sealed class TwoFactorCredential : Entity
{
    public const int RecoveryCodeCount = 10;

    private TwoFactorCredential()
    {
        SecretCiphertext = [];
        RecoveryCodeHashes = [];
    }

    public Guid UserId { get; private set; }

    /// <summary>The secret, encrypted; the domain never sees it in the clear.</summary>
    public byte[] SecretCiphertext { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the owner confirmed the secret with a code; null while setup is pending.</summary>
    public DateTime? EnabledAt { get; private set; }

    /// <summary>The newest TOTP time step accepted: codes of this step or earlier are refused.</summary>
    public long? LastAcceptedStep { get; private set; }

    /// <summary>Hashes of the recovery codes still unused; a used code's hash is removed.</summary>
    public string[] RecoveryCodeHashes { get; private set; }

    public bool IsEnabled => EnabledAt is not null;

    /// <summary>Starts a setup with a new secret, pending until confirmed by <see cref="Enable"/>.</summary>
    public static TwoFactorCredential Begin(Guid userId, byte[] secretCiphertext, DateTime now) => new()
    {
        Id = NewId(),
        UserId = userId,
        SecretCiphertext = secretCiphertext,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Replaces a pending secret; an enabled one must be turned off first.</summary>
    public void Restart(byte[] secretCiphertext, DateTime now)
    {
        BusinessRules.Check(new TwoFactorIsNotEnabled(IsEnabled));
        SecretCiphertext = secretCiphertext;
        UpdatedAt = now;
    }

    /// <summary>
    /// Confirms the pending secret with the time step its code matched (null: the code matched none) and stores the
    /// hashes of the recovery codes handed to the owner.
    /// </summary>
    public void Enable(long? matchedStep, IReadOnlyCollection<string> recoveryCodeHashes, DateTime now)
    {
        BusinessRules.Check(new TwoFactorIsNotEnabled(IsEnabled));
        BusinessRules.Check(new TwoFactorCodeMatches(matchedStep is not null));
        if (recoveryCodeHashes.Count != RecoveryCodeCount || recoveryCodeHashes.Distinct().Count() != RecoveryCodeCount)
        {
            throw new ArgumentException($"Exactly {RecoveryCodeCount} distinct recovery codes are issued.", nameof(recoveryCodeHashes));
        }

        EnabledAt = now;
        LastAcceptedStep = matchedStep;
        RecoveryCodeHashes = [.. recoveryCodeHashes];
        UpdatedAt = now;
    }

    /// <summary>
    /// Accepts a code by the time step it matched (null: none): refused when it matched nothing, or a step not
    /// newer than the last one accepted (the same code, or an older one, presented again).
    /// </summary>
    public SecondFactorOutcome AcceptCode(long? matchedStep, DateTime now)
    {
        if (!IsEnabled)
        {
            return SecondFactorOutcome.NotEnabled;
        }

        if (matchedStep is not { } step)
        {
            return SecondFactorOutcome.WrongCode;
        }

        if (LastAcceptedStep >= step)
        {
            return SecondFactorOutcome.Replayed;
        }

        LastAcceptedStep = step;
        UpdatedAt = now;
        return SecondFactorOutcome.Accepted;
    }

    /// <summary>Spends a recovery code (by its hash): each works once.</summary>
    public SecondFactorOutcome UseRecoveryCode(string codeHash, DateTime now)
    {
        if (!IsEnabled)
        {
            return SecondFactorOutcome.NotEnabled;
        }

        if (!RecoveryCodeHashes.Contains(codeHash, StringComparer.Ordinal))
        {
            return SecondFactorOutcome.WrongCode;
        }

        RecoveryCodeHashes = [.. RecoveryCodeHashes.Where(h => h != codeHash)];
        UpdatedAt = now;
        return SecondFactorOutcome.Accepted;
    }
}
