using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Crm.Infrastructure.Identity;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.WebApi.IntegrationTests;

public sealed class AccessTokenTests : ApiTest
{
    [Test]
    public async Task The_jwk_set_is_served_anonymously_and_verifies_an_issued_token()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        var reply = await api.GetAsync("/.well-known/jwks.json");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var set = new JsonWebKeySet(reply.Text);
        set.Keys.Count.ShouldBe(1);
        set.Keys[0].Kty.ShouldBe("EC");
        set.Keys[0].Alg.ShouldBe("ES256");
        set.Keys[0].Use.ShouldBe("sig");
        set.Keys[0].D.ShouldBeNull();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(account.AccessToken, new TokenValidationParameters
        {
            IssuerSigningKeys = set.GetSigningKeys(),
            ValidIssuer = "crm",
            ValidAudience = "crm-api",
            ValidAlgorithms = ["ES256"],
        });
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
    }

    [Test]
    public async Task An_access_token_carries_who_which_session_and_its_lifetime_and_names_its_key()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var kid = (string?)(await api.GetAsync("/.well-known/jwks.json")).Json["keys"]![0]!["kid"];

        var token = new JsonWebToken(account.AccessToken);

        token.Alg.ShouldBe("ES256");
        token.Typ.ShouldBe("at+jwt");
        token.Kid.ShouldBe(kid);
        token.Issuer.ShouldBe("crm");
        token.Audiences.ShouldBe(["crm-api"]);
        token.Subject.ShouldBe(account.UserId.ToString());
        Guid.TryParse(token.GetClaim("sid").Value, out _).ShouldBeTrue();
        token.Id.ShouldNotBeNullOrEmpty();
        (token.ValidTo - token.IssuedAt).ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Test]
    public async Task A_well_formed_token_signed_by_another_key_answers_401_invalid_token()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var genuine = new JsonWebToken(account.AccessToken);
        var forged = Sign(TestKeys.Stranger, genuine.Kid, "ES256", genuine);

        (await api.WithToken(forged).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task An_unsigned_token_answers_401_invalid_token()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var genuine = new JsonWebToken(account.AccessToken);
        var parts = account.AccessToken.Split('.');
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"at+jwt","kid":"{{genuine.Kid}}"}""");

        (await api.WithToken($"{header}.{parts[1]}.").GetAsync("/api/v1/auth/me"))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task An_oversized_token_answers_401_invalid_token()
    {
        var api = NewApi();

        (await api.WithToken(new string('a', 20_000)).GetAsync("/api/v1/auth/me"))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task A_key_added_in_second_place_verifies_the_old_tokens_while_the_first_signs_new_ones()
    {
        var old = await NewApi().RegisterAsync();
        await using var rotated = new CrmApiFactory(
            Testing.Database.ConnectionString, signingKey: TestKeys.Secondary, secondSigningKey: TestKeys.Primary);
        var api = new Api(rotated.CreateClient());

        (await api.As(old).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        var fresh = await api.RegisterAsync();
        var keys = (await api.GetAsync("/.well-known/jwks.json")).Json["keys"]!.AsArray();
        keys.Count.ShouldBe(2);
        new JsonWebToken(fresh.AccessToken).Kid.ShouldBe((string?)keys[0]!["kid"]);
        new JsonWebToken(old.AccessToken).Kid.ShouldBe((string?)keys[1]!["kid"]);
        (await NewApi().As(fresh).GetAsync("/api/v1/auth/me"))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task A_signed_token_of_a_revoked_session_stops_working_at_once()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var other = await api.LoginAsync(account.Email);

        (await api.As(other).PostAsync("/api/v1/auth/logout")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.As(other).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.As(account).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Refreshing_with_an_access_token_answers_401_invalid_refresh_token()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = account.AccessToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [TestCase("")]
    [TestCase("short")]
    [TestCase("not a token at all, with spaces and 43 chars")]
    public async Task Refreshing_with_a_malformed_token_answers_401_invalid_refresh_token(string token)
    {
        (await NewApi().PostAsync("/api/v1/auth/refresh", new { refresh_token = token }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Refreshing_with_an_oversized_token_answers_401_invalid_refresh_token()
    {
        (await NewApi().PostAsync("/api/v1/auth/refresh", new { refresh_token = new string('a', 100_000) }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    /// <summary>Signs the genuine token's claims with another key, as a forger holding a key of its own would.</summary>
    private static string Sign(string pkcs8, string kid, string algorithm, JsonWebToken genuine)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(pkcs8), out _);
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(genuine.EncodedPayload))!.AsObject();
        return new JsonWebTokenHandler().CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, algorithm),
            new Dictionary<string, object> { ["typ"] = AccessTokenKeys.TokenType });
    }
}
