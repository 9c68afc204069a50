using System.Security.Cryptography;
using Crm.Domain.Users;
using Crm.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Infrastructure.UnitTests.Identity;

public sealed class AccessTokenTests
{
    private const string KeyA =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6R3qwlWu4nFBmGlFvRJV1GuLKKb1zp1sX+tSbAX+uDChRANCAAS6iYdXDWVQzSvKomUhLELyoRHiAec8TigBMod+XtsZb82IrD0Q1TF1xtRHfETwlKAR5PIyMx9MBafrz7zvItYK";

    private const string KeyB =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgw89XNMFFVJxNq+i73rfnsmeBUhn/v/zQujf91kE63ZihRANCAATbnmHn5RpwlSt1TdYAgHXZC0eA9NpMe2VkiDlEiYtXz1NL5M2q5IZrgoQxB6RnBKJl08kxRCHWXdY3fA8x5Emo";

    private static readonly User Ada = User.Register("ada@example.com", "Ada", "hash", DateTime.UtcNow);

    [Test]
    public async Task An_issued_token_validates_and_carries_the_registered_claims()
    {
        var sessionId = Guid.NewGuid();
        var keys = Keys(KeyA);

        var issued = Issuer(keys).IssueAccessToken(Ada, sessionId);
        var result = await ValidateAsync(keys, issued.Token);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        issued.ExpiresInSeconds.ShouldBe(900);
        var token = (JsonWebToken)result.SecurityToken;
        token.Subject.ShouldBe(Ada.Id.ToString());
        token.GetClaim("sid").Value.ShouldBe(sessionId.ToString());
        token.Issuer.ShouldBe("crm");
        token.Audiences.ShouldBe(["crm-api"]);
        token.Id.ShouldNotBeNullOrEmpty();
        token.IssuedAt.ShouldNotBe(default);
        token.Kid.ShouldBe(keys.Current.Kid);
        token.Alg.ShouldBe("ES256");
    }

    [Test]
    public async Task Every_token_has_its_own_id()
    {
        var keys = Keys(KeyA);

        var first = new JsonWebToken(Issuer(keys).IssueAccessToken(Ada, Guid.NewGuid()).Token);
        var second = new JsonWebToken(Issuer(keys).IssueAccessToken(Ada, Guid.NewGuid()).Token);

        first.Id.ShouldNotBe(second.Id);
        (await ValidateAsync(keys, first.EncodedToken)).IsValid.ShouldBeTrue();
    }

    [Test]
    public async Task An_expired_token_is_refused()
    {
        var keys = Keys(KeyA);
        var token = Issuer(keys, new FixedTime(DateTimeOffset.UtcNow.AddMinutes(-16))).IssueAccessToken(Ada, Guid.NewGuid()).Token;

        (await ValidateAsync(keys, token)).Exception.ShouldBeOfType<SecurityTokenExpiredException>();
    }

    [Test]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = Issuer(Keys(KeyA, audience: "another-api")).IssueAccessToken(Ada, Guid.NewGuid()).Token;

        (await ValidateAsync(Keys(KeyA), token)).Exception.ShouldBeOfType<SecurityTokenInvalidAudienceException>();
    }

    [Test]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var token = Issuer(Keys(KeyA, issuer: "someone-else")).IssueAccessToken(Ada, Guid.NewGuid()).Token;

        (await ValidateAsync(Keys(KeyA), token)).Exception.ShouldBeOfType<SecurityTokenInvalidIssuerException>();
    }

    [Test]
    public async Task An_unsigned_token_is_refused()
    {
        var keys = Keys(KeyA);
        var parts = Issuer(keys).IssueAccessToken(Ada, Guid.NewGuid()).Token.Split('.');
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"at+jwt","kid":"{{keys.Current.Kid}}"}""");

        (await ValidateAsync(keys, $"{header}.{parts[1]}.")).IsValid.ShouldBeFalse();
    }

    [Test]
    public async Task A_token_signed_with_a_symmetric_algorithm_is_refused()
    {
        var keys = Keys(KeyA);
        var payload = Base64UrlEncoder.Decode(new JsonWebToken(Issuer(keys).IssueAccessToken(Ada, Guid.NewGuid()).Token).EncodedPayload);
        var hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = keys.Current.Kid };
        var token = new JsonWebTokenHandler().CreateToken(
            payload, new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256), new Dictionary<string, object> { ["typ"] = "at+jwt" });

        (await ValidateAsync(keys, token)).IsValid.ShouldBeFalse();
    }

    [Test]
    public async Task A_tampered_payload_is_refused()
    {
        var keys = Keys(KeyA);
        var parts = Issuer(keys).IssueAccessToken(Ada, Guid.NewGuid()).Token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(Ada.Id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal);

        (await ValidateAsync(keys, $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}")).Exception
            .ShouldBeOfType<SecurityTokenInvalidSignatureException>();
    }

    [Test]
    public async Task A_token_naming_an_unknown_key_is_refused()
    {
        var token = Issuer(Keys(KeyB)).IssueAccessToken(Ada, Guid.NewGuid()).Token;

        (await ValidateAsync(Keys(KeyA), token)).IsValid.ShouldBeFalse();
    }

    [Test]
    public async Task A_token_signed_by_the_second_key_is_accepted()
    {
        var token = Issuer(Keys(KeyB)).IssueAccessToken(Ada, Guid.NewGuid()).Token;

        (await ValidateAsync(Keys(KeyA, KeyB), token)).IsValid.ShouldBeTrue();
    }

    [Test]
    public async Task With_several_keys_the_first_signs_and_all_are_published_in_order()
    {
        var keys = Keys(KeyB, KeyA);

        var token = new JsonWebToken(Issuer(keys).IssueAccessToken(Ada, Guid.NewGuid()).Token);

        token.Kid.ShouldBe(SigningKey.TryRead(KeyB)!.Kid);
        keys.PublicKeys.Keys.Select(k => k.Kid).ShouldBe([SigningKey.TryRead(KeyB)!.Kid, SigningKey.TryRead(KeyA)!.Kid]);
    }

    [Test]
    public void The_key_id_is_the_RFC_7638_thumbprint_and_the_published_key_is_public_only()
    {
        var key = SigningKey.TryRead(KeyA)!;

        var expected = Base64UrlEncoder.Encode(
            JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key.SecurityKey.ECDsa)).ComputeJwkThumbprint());

        key.Kid.ShouldBe(expected);
        key.PublicKey.ShouldBe(key.PublicKey with { Kty = "EC", Crv = "P-256", Use = "sig", Alg = "ES256" });
    }

    [Test]
    public void A_PEM_key_reads_the_same_as_its_base64_form()
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(KeyA), out _);

        SigningKey.TryRead(ecdsa.ExportPkcs8PrivateKeyPem())!.Kid.ShouldBe(SigningKey.TryRead(KeyA)!.Kid);
    }

    [Test]
    public void Keys_other_than_EC_P256_private_keys_are_not_read()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        SigningKey.TryRead(p384.ExportPkcs8PrivateKeyPem()).ShouldBeNull();
        SigningKey.TryRead(rsa.ExportPkcs8PrivateKeyPem()).ShouldBeNull();
        SigningKey.TryRead(p256.ExportSubjectPublicKeyInfoPem()).ShouldBeNull();
        SigningKey.TryRead(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).ShouldBeNull();
        SigningKey.TryRead("not base64 at all").ShouldBeNull();
    }

    private static AccessTokenKeys Keys(string first, string? second = null, string issuer = "crm", string audience = "crm-api") =>
        new(Options.Create(new TokenOptions
        {
            SigningKeys = second is null ? [first] : [first, second],
            Issuer = issuer,
            Audience = audience,
        }));

    private static TokenIssuer Issuer(AccessTokenKeys keys, TimeProvider? time = null) =>
        new(keys, Options.Create(new TokenOptions { Issuer = keys.ValidationParameters().ValidIssuer, Audience = keys.ValidationParameters().ValidAudience }), time ?? TimeProvider.System);

    private static Task<TokenValidationResult> ValidateAsync(AccessTokenKeys keys, string token) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, keys.ValidationParameters());

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
