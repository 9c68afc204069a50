using Crm.Domain.Errors;
using Crm.Domain.Users;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Users;

public sealed class TwoFactorCredentialTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Hashes = Enumerable.Range(0, 10).Select(i => $"hash-{i}").ToArray();

    [Test]
    public void A_setup_is_pending_until_a_matching_code_enables_it()
    {
        var credential = TwoFactorCredential.Begin(Guid.NewGuid(), [1, 2, 3], Now);
        credential.IsEnabled.ShouldBeFalse();

        AssertBrokenRule(() => credential.Enable(null, Hashes, Now), "invalid_two_factor_code", ErrorKind.Invalid);
        credential.IsEnabled.ShouldBeFalse();

        credential.Enable(100, Hashes, Now.AddMinutes(1));
        credential.IsEnabled.ShouldBeTrue();
        credential.EnabledAt.ShouldBe(Now.AddMinutes(1));
        credential.LastAcceptedStep.ShouldBe(100);
        credential.RecoveryCodeHashes.ShouldBe(Hashes);
    }

    [Test]
    public void A_pending_secret_is_replaced_by_a_new_setup_but_an_enabled_one_is_not()
    {
        var credential = TwoFactorCredential.Begin(Guid.NewGuid(), [1], Now);
        credential.Restart([2], Now);
        credential.SecretCiphertext.ShouldBe(new byte[] { 2 });

        credential.Enable(5, Hashes, Now);

        AssertBrokenRule(() => credential.Restart([3], Now), "two_factor_already_enabled", ErrorKind.Conflict);
        AssertBrokenRule(() => credential.Enable(6, Hashes, Now), "two_factor_already_enabled", ErrorKind.Conflict);
        credential.SecretCiphertext.ShouldBe(new byte[] { 2 });
    }

    [Test]
    public void Enabling_takes_exactly_ten_distinct_recovery_codes()
    {
        var credential = TwoFactorCredential.Begin(Guid.NewGuid(), [1], Now);

        Should.Throw<ArgumentException>(() => credential.Enable(1, Hashes[..9], Now));
        Should.Throw<ArgumentException>(() => credential.Enable(1, [.. Hashes[..9], Hashes[0]], Now));
    }

    [Test]
    public void A_code_is_accepted_once_and_never_one_of_an_earlier_step()
    {
        var credential = Enabled(lastStep: 100);

        credential.AcceptCode(100, Now).ShouldBe(SecondFactorOutcome.Replayed);
        credential.AcceptCode(99, Now).ShouldBe(SecondFactorOutcome.Replayed);
        credential.AcceptCode(101, Now).ShouldBe(SecondFactorOutcome.Accepted);
        credential.LastAcceptedStep.ShouldBe(101);
        credential.AcceptCode(101, Now).ShouldBe(SecondFactorOutcome.Replayed);
        credential.AcceptCode(null, Now).ShouldBe(SecondFactorOutcome.WrongCode);
        credential.LastAcceptedStep.ShouldBe(101);
    }

    [Test]
    public void A_recovery_code_works_once()
    {
        var credential = Enabled(lastStep: 1);

        credential.UseRecoveryCode("hash-3", Now).ShouldBe(SecondFactorOutcome.Accepted);
        credential.RecoveryCodeHashes.Length.ShouldBe(9);
        credential.UseRecoveryCode("hash-3", Now).ShouldBe(SecondFactorOutcome.WrongCode);
        credential.UseRecoveryCode("hash-x", Now).ShouldBe(SecondFactorOutcome.WrongCode);
        credential.RecoveryCodeHashes.Length.ShouldBe(9);
    }

    [Test]
    public void A_pending_setup_accepts_no_code_for_signing_in()
    {
        var credential = TwoFactorCredential.Begin(Guid.NewGuid(), [1], Now);

        credential.AcceptCode(5, Now).ShouldBe(SecondFactorOutcome.NotEnabled);
        credential.UseRecoveryCode("hash-1", Now).ShouldBe(SecondFactorOutcome.NotEnabled);
        credential.LastAcceptedStep.ShouldBeNull();
    }

    [Test]
    public void A_challenge_completes_once_and_not_after_five_minutes()
    {
        var challenge = TwoFactorChallenge.Issue(Guid.NewGuid(), [9], Now);
        challenge.ExpiresAt.ShouldBe(Now.AddMinutes(5));
        challenge.IsUsable(Now.AddMinutes(5)).ShouldBeFalse();
        challenge.IsUsable(Now.AddMinutes(4)).ShouldBeTrue();

        challenge.Complete(Now.AddMinutes(1));

        challenge.IsUsable(Now.AddMinutes(2)).ShouldBeFalse();
        AssertBrokenRule(() => challenge.Complete(Now.AddMinutes(2)), "invalid_challenge", ErrorKind.Unauthenticated);
        AssertBrokenRule(
            () => TwoFactorChallenge.Issue(Guid.NewGuid(), [9], Now).Complete(Now.AddMinutes(6)), "invalid_challenge", ErrorKind.Unauthenticated);
    }

    private static TwoFactorCredential Enabled(long lastStep)
    {
        var credential = TwoFactorCredential.Begin(Guid.NewGuid(), [1], Now);
        credential.Enable(lastStep, Hashes, Now);
        return credential;
    }
}
