using System.Security.Cryptography;
using System.Text;
using Crm.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.UnitTests.Identity;

public sealed class TwoFactorCryptographyTests
{
    private const string KeyA = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=";
    private const string KeyB = "q1Vn3o6mYb0yT9fJ2cR7xW4kP8sL5dH1aZ0eU6iO3gM=";

    [Test]
    public void Codes_are_those_of_RFC_6238_with_one_step_of_drift_either_side()
    {
        // RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" gives 94287082 at T = 59 s (step 1); six digits: 287082.
        var totp = new OtpNetTotp();
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var epoch = DateTime.UnixEpoch;

        totp.MatchingStep(secret, "287082", epoch.AddSeconds(59)).ShouldBe(1);
        totp.MatchingStep(secret, "287082", epoch.AddSeconds(89)).ShouldBe(1);
        totp.MatchingStep(secret, "287082", epoch.AddSeconds(5)).ShouldBe(1);
        totp.MatchingStep(secret, "287082", epoch.AddSeconds(119)).ShouldBeNull();
        totp.MatchingStep(secret, "287083", epoch.AddSeconds(59)).ShouldBeNull();
    }

    [Test]
    public void The_provisioning_uri_names_the_issuer_and_the_escaped_account()
    {
        var totp = new OtpNetTotp();
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");

        totp.Encode(secret).ShouldBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        totp.ProvisioningUri(secret, "ada+crm@example.com").ShouldBe(
            "otpauth://totp/Crm:ada%2Bcrm%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Crm&algorithm=SHA1&digits=6&period=30");
        totp.NewSecret().Length.ShouldBe(20);
    }

    [Test]
    public void A_secret_decrypts_for_its_owner_only_and_never_appears_in_its_ciphertext()
    {
        var protector = Protector(KeyA);
        var owner = Guid.NewGuid();
        var secret = RandomNumberGenerator.GetBytes(20);

        var ciphertext = protector.Protect(secret, owner);

        protector.Unprotect(ciphertext, owner).ShouldBe(secret);
        Convert.ToHexString(ciphertext).ShouldNotContain(Convert.ToHexString(secret));
        protector.Protect(secret, owner).ShouldNotBe(ciphertext);
        Should.Throw<CryptographicException>(() => protector.Unprotect(ciphertext, Guid.NewGuid()));
        var altered = ciphertext.ToArray();
        altered[^1] ^= 1;
        Should.Throw<CryptographicException>(() => protector.Unprotect(altered, owner));
    }

    [Test]
    public void After_a_rotation_the_old_key_still_decrypts_and_the_new_one_encrypts()
    {
        var owner = Guid.NewGuid();
        var secret = RandomNumberGenerator.GetBytes(20);
        var old = Protector(KeyA).Protect(secret, owner);

        var rotated = Protector(KeyB, KeyA);

        rotated.Unprotect(old, owner).ShouldBe(secret);
        var fresh = rotated.Protect(secret, owner);
        Protector(KeyB).Unprotect(fresh, owner).ShouldBe(secret);
        Should.Throw<CryptographicException>(() => Protector(KeyB).Unprotect(old, owner)).Message.ShouldContain("Auth:EncryptionKeys");
    }

    private static AesGcmSecretProtector Protector(params string[] keys) =>
        new(Options.Create(new TokenOptions { EncryptionKeys = [.. keys] }));
}
