using System.Security.Cryptography;
using Crm.Infrastructure.Identity;
using Microsoft.Extensions.Hosting;
using Moq;

namespace Crm.Infrastructure.UnitTests.Identity;

public sealed class TokenOptionsSetupTests
{
    [Test]
    public void Development_gets_the_development_key_when_none_is_configured()
    {
        var options = new TokenOptions();

        Setup(Environments.Development).PostConfigure(null, options);

        options.SigningKeys.ShouldBe([TokenOptions.DevelopmentSigningKey]);
        options.EncryptionKeys.ShouldBe([TokenOptions.DevelopmentEncryptionKey]);
        Setup(Environments.Development).Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Test]
    public void Outside_Development_a_missing_key_fails_with_a_message_saying_what_to_set()
    {
        var options = new TokenOptions();

        Setup(Environments.Production).PostConfigure(null, options);
        var result = Setup(Environments.Production).Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Auth__SigningKeys__0");
    }

    [Test]
    public void Outside_Development_the_development_key_is_refused_in_any_encoding()
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(TokenOptions.DevelopmentSigningKey), out _);

        foreach (var form in new[] { TokenOptions.DevelopmentSigningKey, key.ExportPkcs8PrivateKeyPem() })
        {
            var result = Setup("Staging").Validate(null, new TokenOptions { SigningKeys = [form] });
            result.Failed.ShouldBeTrue();
            result.FailureMessage.ShouldContain("development key");
        }
    }

    [Test]
    public void A_key_that_is_not_an_EC_P256_private_key_is_refused()
    {
        using var rsa = RSA.Create(2048);

        var result = Setup(Environments.Production).Validate(null, new TokenOptions { SigningKeys = [rsa.ExportPkcs8PrivateKeyPem()] });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("EC P-256");
    }

    [Test]
    public void A_real_key_is_accepted_outside_Development()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Setup(Environments.Production).Validate(null, new TokenOptions { SigningKeys = [key.ExportPkcs8PrivateKeyPem()], EncryptionKeys = [RealEncryptionKey] })
            .Succeeded.ShouldBeTrue();
    }

    [Test]
    public void Outside_Development_a_missing_encryption_key_fails_with_a_message_saying_what_to_set()
    {
        var options = new TokenOptions { SigningKeys = [RealSigningKey()] };

        Setup(Environments.Production).PostConfigure(null, options);
        var result = Setup(Environments.Production).Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Auth__EncryptionKeys__0");
    }

    [Test]
    public void Outside_Development_the_development_encryption_key_is_refused()
    {
        var result = Setup("Staging").Validate(
            null, new TokenOptions { SigningKeys = [RealSigningKey()], EncryptionKeys = [RealEncryptionKey, TokenOptions.DevelopmentEncryptionKey] });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Auth:EncryptionKeys holds the public development key");
    }

    [TestCase("c2hvcnQ=")]
    [TestCase("not base64 at all")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void An_encryption_key_that_is_not_32_bytes_of_base64_is_refused(string key)
    {
        var result = Setup(Environments.Production).Validate(
            null, new TokenOptions { SigningKeys = [RealSigningKey()], EncryptionKeys = [key] });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("32 bytes");
    }

    private const string RealEncryptionKey = "q1Vn3o6mYb0yT9fJ2cR7xW4kP8sL5dH1aZ0eU6iO3gM=";

    private static string RealSigningKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static TokenOptionsSetup Setup(string environment) =>
        new(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == environment));
}
