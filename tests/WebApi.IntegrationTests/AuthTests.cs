using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class AuthTests : ApiTest
{
    [Test]
    public async Task Register_answers_201_with_tokens_the_user_and_the_organization_it_owns()
    {
        var api = NewApi();
        var reply = await api.PostAsync("/api/v1/auth/register", new
        {
            email = "Ada@Example.com",
            password = Api.DefaultPassword,
            name = "Ada Lovelace",
            organization_name = "Analytical Engines",
        });

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        reply.Headers.Location!.ToString().ShouldBe("/api/v1/auth/me");
        var json = reply.Json;
        ((string?)json["token_type"]).ShouldBe("Bearer");
        ((int?)json["expires_in"]).ShouldBe(900);
        ((string?)json["access_token"]).ShouldNotBeNullOrWhiteSpace();
        ((string?)json["refresh_token"]).ShouldNotBeNullOrWhiteSpace();
        ((string?)json["user"]!["email"]).ShouldBe("Ada@Example.com");
        ((string?)json["user"]!["name"]).ShouldBe("Ada Lovelace");
        Guid.Parse((string)json["user"]!["id"]!).Version.ShouldBe(7);
        ((string?)json["organization"]!["name"]).ShouldBe("Analytical Engines");
        ((string?)json["organization"]!["role"]).ShouldBe("owner");
        json["organizations"]!.AsArray().Count.ShouldBe(1);
        ((string?)json["organizations"]![0]!["id"]).ShouldBe((string?)json["organization"]!["id"]);
    }

    [Test]
    public async Task Register_with_an_email_already_taken_in_another_case_answers_409_email_taken()
    {
        var api = NewApi();
        await api.RegisterAsync("grace@example.com");

        var reply = await api.PostAsync("/api/v1/auth/register", new
        {
            email = "GRACE@example.com",
            password = Api.DefaultPassword,
            name = "Grace",
            organization_name = "Navy",
        });

        reply.ShouldBeProblem(HttpStatusCode.Conflict, "email_taken");
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM organizations")).ShouldBe(1);
    }

    [TestCase("short-pw1")]
    [TestCase("password123")]
    [TestCase("QWERTYUIOP")]
    public async Task Register_refuses_a_short_or_common_password(string password)
    {
        var reply = await NewApi().PostAsync("/api/v1/auth/register", new
        {
            email = "weak@example.com",
            password,
            name = "Weak",
            organization_name = "Weak Org",
        });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("password").ShouldNotBeEmpty();
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
    }

    [Test]
    public async Task Register_without_fields_lists_every_missing_field_by_its_snake_case_name()
    {
        var reply = await NewApi().PostAsync("/api/v1/auth/register", new { });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "email", "password", "name", "organization_name" })
        {
            reply.ErrorsOf(field).ShouldNotBeEmpty(field);
        }
    }

    [Test]
    public async Task Malformed_json_answers_a_400_problem()
    {
        var reply = await NewApi().SendRawAsync(HttpMethod.Post, "/api/v1/auth/register", "{\"email\": ");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Test]
    public async Task Login_answers_tokens_and_the_users_organizations()
    {
        var api = NewApi();
        var account = await api.RegisterAsync("linus@example.com");

        var reply = await api.PostAsync("/api/v1/auth/login", new { email = "LINUS@example.com", password = Api.DefaultPassword });

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        ((string?)reply.Json["user"]!["id"]).ShouldBe(account.UserId.ToString());
        ((string?)reply.Json["organizations"]![0]!["role"]).ShouldBe("owner");
        reply.Json["organization"].ShouldBeNull();
        (await api.WithToken((string?)reply.Json["access_token"]).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_wrong_password_and_an_unknown_email_answer_the_same_401()
    {
        var api = NewApi();
        await api.RegisterAsync("known@example.com");

        var wrongPassword = await api.PostAsync("/api/v1/auth/login", new { email = "known@example.com", password = "not-the-password" });
        var unknownEmail = await api.PostAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "not-the-password" });

        wrongPassword.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        unknownEmail.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        ((string?)unknownEmail.Json["title"]).ShouldBe((string?)wrongPassword.Json["title"]);
    }

    [Test]
    public async Task After_five_failed_sign_ins_for_one_email_the_next_attempt_answers_429_with_retry_after()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            var failed = await api.From($"10.1.0.{i + 1}").PostAsync("/api/v1/auth/login", new { email = account.Email, password = "wrong-password" });
            failed.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        // Even the right password, from another address, waits: the email is under attack.
        var limited = await api.From("10.1.0.99").PostAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });

        limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
        int.Parse(limited.Headers.RetryAfter!.ToString()).ShouldBeInRange(1, 60);
    }

    [Test]
    public async Task After_five_failed_sign_ins_from_one_client_address_its_next_attempt_answers_429()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var attacker = api.From("10.2.0.1");
        for (var i = 0; i < 5; i++)
        {
            var failed = await attacker.PostAsync("/api/v1/auth/login", new { email = $"guess-{i}@example.com", password = "wrong-password" });
            failed.Status.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await attacker.PostAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
        (await api.From("10.2.0.2").PostAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }))
            .Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Refresh_answers_a_new_pair_and_the_old_refresh_token_is_dead()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        var first = await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = account.RefreshToken });
        first.Status.ShouldBe(HttpStatusCode.OK, first.Text);
        var rotated = (string)first.Json["refresh_token"]!;
        rotated.ShouldNotBe(account.RefreshToken);
        (await api.WithToken((string?)first.Json["access_token"]).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);

        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = account.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_reused");
    }

    [Test]
    public async Task A_reused_refresh_token_revokes_the_whole_family_including_its_access_tokens()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var rotated = (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = account.RefreshToken })).Json;
        var thief = await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = account.RefreshToken });
        thief.ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_reused");

        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = (string)rotated["refresh_token"]! }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.WithToken((string?)rotated["access_token"]).GetAsync("/api/v1/auth/me"))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");

        // Other sessions of the same user live on.
        var other = await api.LoginAsync(account.Email);
        (await api.WithToken(other.AccessToken).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_unknown_refresh_token_answers_401()
    {
        (await NewApi().PostAsync("/api/v1/auth/refresh", new { refresh_token = "not-a-token" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Logout_kills_both_the_access_token_and_the_refresh_token()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var signedIn = api.As(account);

        (await signedIn.PostAsync("/api/v1/auth/logout")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await signedIn.GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = account.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
    }

    [Test]
    public async Task Me_answers_the_signed_in_user_and_its_organizations()
    {
        var api = NewApi();
        var account = await api.RegisterAsync("me@example.com", name: "Me Myself", organization: "Mine");

        var reply = await api.As(account).GetAsync("/api/v1/auth/me");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        ((string?)reply.Json["id"]).ShouldBe(account.UserId.ToString());
        ((string?)reply.Json["email"]).ShouldBe("me@example.com");
        ((string?)reply.Json["name"]).ShouldBe("Me Myself");
        ((string?)reply.Json["created_at"]).ShouldEndWith("Z");
        ((string?)reply.Json["organizations"]![0]!["name"]).ShouldBe("Mine");
    }

    [Test]
    public async Task Without_a_token_protected_endpoints_answer_a_401_problem_with_a_bearer_challenge()
    {
        var reply = await NewApi().GetAsync("/api/v1/auth/me");

        reply.ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");
        reply.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
    }

    [Test]
    public async Task A_forged_or_tampered_token_answers_401_invalid_token()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var tampered = account.AccessToken[..^4] + (account.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        (await api.WithToken("garbage").GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
        (await api.WithToken(tampered).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Another_instance_configured_with_the_same_keys_accepts_the_tokens()
    {
        var account = await NewApi().RegisterAsync();
        await using var secondInstance = new CrmApiFactory(Testing.Database.ConnectionString);

        var reply = await new Api(secondInstance.CreateClient()).As(account).GetAsync("/api/v1/auth/me");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
    }

    [Test]
    public async Task An_instance_with_other_keys_refuses_the_tokens()
    {
        var account = await NewApi().RegisterAsync();
        await using var stranger = new CrmApiFactory(
            Testing.Database.ConnectionString, signingKey: TestKeys.Stranger);

        (await new Api(stranger.CreateClient()).As(account).GetAsync("/api/v1/auth/me"))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [TestCase(null)]
    [TestCase(Crm.Infrastructure.Identity.TokenOptions.DevelopmentSigningKey)]
    [TestCase("dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=")]
    public async Task The_service_refuses_to_start_in_Production_without_a_real_signing_key(string? key)
    {
        var error = await StartInProductionAsync(key is null ? [] : [$"--Auth:SigningKeys:0={key}"], "--Email:Transport=smtp", "--Email:SmtpHost=127.0.0.1");

        error.Message.ShouldContain("Auth:SigningKeys");
    }

    [Test]
    public async Task The_service_refuses_the_development_mail_folder_in_Production()
    {
        var error = await StartInProductionAsync([$"--Auth:SigningKeys:0={TestKeys.Primary}", $"--Auth:EncryptionKeys:0={TestKeys.Encryption}"]);

        error.Message.ShouldContain("Email:Transport=pickup");
    }

    [TestCase(null)]
    [TestCase(Crm.Infrastructure.Identity.TokenOptions.DevelopmentEncryptionKey)]
    [TestCase("c2hvcnQ=")]
    public async Task The_service_refuses_to_start_in_Production_without_a_real_encryption_key(string? key)
    {
        var error = await StartInProductionAsync(
            [$"--Auth:SigningKeys:0={TestKeys.Primary}", .. key is null ? Array.Empty<string>() : [$"--Auth:EncryptionKeys:0={key}"]],
            "--Email:Transport=smtp", "--Email:SmtpHost=127.0.0.1");

        error.Message.ShouldContain("Auth:EncryptionKeys");
    }

    /// <summary>Builds the real host in Production and answers why it refused to start.</summary>
    private static Task<Exception> StartInProductionAsync(string[] settings, params string[] more)
    {
        Exception error = Should.Throw<Crm.Infrastructure.Configuration.InvalidConfigurationException>(() => CrmHost.BuildApp(CrmHost.CreateBuilder(
        [
            "--environment=Production", "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Crm={Testing.Database.ConnectionString}",
            // The rest of a production configuration, so that the setting under test is the only one refused.
            "--Files:LocalRoot=/var/lib/crm/files", "--Email:From=Crm <no-reply@example.com>", "--Email:AppBaseUrl=https://crm.example.com",
            .. settings, .. more,
        ])));
        return Task.FromResult(error);
    }

    [Test]
    public async Task Health_endpoints_need_no_token()
    {
        var api = NewApi();
        (await api.GetAsync("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_unknown_route_answers_a_404_problem()
    {
        (await NewApi().GetAsync("/api/v1/nothing-here")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
