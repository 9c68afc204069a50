using System.Net;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class SelfServiceTests : ApiTest
{
    [Test]
    public async Task I_change_my_name_and_the_answer_is_the_user_as_get_me_shows_it()
    {
        var api = NewApi();
        var me = await api.RegisterAsync(name: "Ada");

        var reply = await api.As(me).PatchAsync("/api/v1/auth/me", new { name = "  Ada King " });

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply["name"].ShouldBe("Ada King");
        reply.Text.ShouldBe((await api.As(me).GetAsync("/api/v1/auth/me")).Text);
        (await api.As(me).PatchAsync("/api/v1/auth/me", new { name = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")
            .ErrorsOf("name").ShouldNotBeEmpty();
        (await api.As(me).PatchAsync("/api/v1/auth/me", new { name = new string('n', 201) })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.PatchAsync("/api/v1/auth/me", new { name = "Anyone" })).ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");
    }

    [Test]
    public async Task Changing_my_password_ends_my_other_sessions_keeps_this_one_and_emails_a_notice()
    {
        var api = NewApi();
        var me = await api.RegisterAsync();
        var phone = await api.LoginAsync(me.Email);

        var reply = await api.As(me).PostAsync("/api/v1/auth/change-password", new { current_password = me.Password, new_password = "a-brand-new-passphrase" });

        reply.Status.ShouldBe(HttpStatusCode.NoContent, reply.Text);
        (await api.As(me).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = me.RefreshToken })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(phone).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = phone.RefreshToken })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.PostAsync("/api/v1/auth/login", new { email = me.Email, password = me.Password })).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        await api.LoginAsync(me.Email, "a-brand-new-passphrase");
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE template = 'password_changed' AND recipient = '{me.Email}'")).ShouldBe(1);
        var events = (await api.As(me).GetAsync("/api/v1/auth/me/events")).Json["items"]!.AsArray().Select(e => (string?)e!["action"]);
        events.ShouldContain("password_changed");
    }

    [Test]
    public async Task A_wrong_current_password_answers_400_invalid_credentials_and_the_session_goes_on()
    {
        var api = NewApi();
        var me = await api.RegisterAsync();

        (await api.As(me).PostAsync("/api/v1/auth/change-password", new { current_password = "not-my-password", new_password = "a-brand-new-passphrase" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_credentials");

        (await api.As(me).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        await api.LoginAsync(me.Email, me.Password);
        var events = (await api.As(me).GetAsync("/api/v1/auth/me/events")).Json["items"]!.AsArray().Select(e => (string?)e!["action"]);
        events.ShouldContain("password_change_failed");
    }

    [TestCase("short")]
    [TestCase("password123")]
    [TestCase(Api.DefaultPassword)]
    public async Task The_new_password_follows_the_password_policy(string newPassword)
    {
        var api = NewApi();
        var me = await api.RegisterAsync();

        (await api.As(me).PostAsync("/api/v1/auth/change-password", new { current_password = me.Password, new_password = newPassword }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("new_password").ShouldNotBeEmpty();
    }

    [Test]
    public async Task Guessing_the_current_password_is_throttled_like_sign_in_even_in_parallel()
    {
        CountingPasswordHasher? hasher = null;
        await using var factory = new CrmApiFactory(Testing.Database.ConnectionString, services: CountingPasswordHasher.Install(h => hasher = h));
        var api = new Api(factory.CreateClient());
        var me = await api.RegisterAsync();
        var before = hasher!.Verifications;

        var replies = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            api.As(me).From($"10.9.0.{i + 1}").PostAsync("/api/v1/auth/change-password", new { current_password = $"guess-number-{i}", new_password = "a-brand-new-passphrase" }))));

        (hasher.Verifications - before).ShouldBeLessThanOrEqualTo(5);
        replies.Count(r => r.Status == HttpStatusCode.BadRequest).ShouldBe(hasher.Verifications - before);
        foreach (var refused in replies.Where(r => r.Status != HttpStatusCode.BadRequest))
        {
            refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
            refused.Headers.RetryAfter.ShouldNotBeNull();
        }

        // The same count guards the sign-in of the account's email.
        (await api.PostAsync("/api/v1/auth/login", new { email = me.Email, password = me.Password }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
        (await api.As(me).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task My_sessions_are_listed_newest_first_with_the_current_one_marked_and_ended_ones_left_out()
    {
        var api = NewApi();
        var me = await api.From("10.10.0.1").RegisterAsync();
        var laptop = await api.From("10.10.0.2").LoginAsync(me.Email);
        var ended = await api.LoginAsync(me.Email);
        (await api.As(ended).PostAsync("/api/v1/auth/logout")).Status.ShouldBe(HttpStatusCode.NoContent);
        await api.RegisterAsync();

        var reply = await api.As(laptop).GetAsync("/api/v1/auth/sessions");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var items = reply.Json["items"]!.AsArray();
        items.Select(s => (string?)s!["client_address"]).ShouldBe(["10.10.0.2", "10.10.0.1"]);
        items.Select(s => (bool)s!["current"]!).ShouldBe([true, false]);
        foreach (var session in items)
        {
            Guid.TryParse((string?)session!["id"], out _).ShouldBeTrue();
            session["created_at"].ShouldNotBeNull();
            session["last_used_at"].ShouldNotBeNull();
            session.AsObject().ContainsKey("user_agent").ShouldBeTrue();
        }
    }

    [Test]
    public async Task An_ended_session_stops_working_at_once_and_anothers_session_is_not_found()
    {
        var api = NewApi();
        var me = await api.RegisterAsync();
        var phone = await api.LoginAsync(me.Email);
        var stranger = await api.RegisterAsync();
        var phoneId = await SessionIdAsync(api.As(phone));
        var strangerId = await SessionIdAsync(api.As(stranger));

        (await api.As(me).DeleteAsync($"/api/v1/auth/sessions/{strangerId}")).ShouldBeProblem(HttpStatusCode.NotFound, "session_not_found");
        (await api.As(stranger).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(me).DeleteAsync($"/api/v1/auth/sessions/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "session_not_found");

        (await api.As(me).DeleteAsync($"/api/v1/auth/sessions/{phoneId}")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.As(phone).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = phone.RefreshToken })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.As(me).DeleteAsync($"/api/v1/auth/sessions/{phoneId}")).ShouldBeProblem(HttpStatusCode.NotFound, "session_not_found");
        (await api.As(me).GetAsync("/api/v1/auth/sessions")).Json["items"]!.AsArray().Count.ShouldBe(1);
    }

    [Test]
    public async Task Ending_my_current_session_signs_me_out()
    {
        var api = NewApi();
        var me = await api.RegisterAsync();

        (await api.As(me).DeleteAsync($"/api/v1/auth/sessions/{await SessionIdAsync(api.As(me))}")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.As(me).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = me.RefreshToken })).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Last_use_is_written_by_a_refresh_and_by_a_request_once_it_is_five_minutes_old()
    {
        var api = NewApi();
        var me = await api.RegisterAsync();
        var sql = $"SELECT last_used_at FROM user_sessions WHERE user_id = '{me.UserId}'";

        await Sql($"UPDATE user_sessions SET last_used_at = now() - interval '2 minutes' WHERE user_id = '{me.UserId}'");
        var recent = await Testing.Database.ScalarAsync<DateTime>(sql);
        (await api.As(me).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        (await Testing.Database.ScalarAsync<DateTime>(sql)).ShouldBe(recent, "a use within five minutes writes nothing");

        await Sql($"UPDATE user_sessions SET last_used_at = now() - interval '10 minutes' WHERE user_id = '{me.UserId}'");
        var stale = await Testing.Database.ScalarAsync<DateTime>(sql);
        (await api.As(me).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        (await Testing.Database.ScalarAsync<DateTime>(sql)).ShouldBeGreaterThan(stale.AddMinutes(9));

        await Sql($"UPDATE user_sessions SET last_used_at = now() - interval '2 minutes' WHERE user_id = '{me.UserId}'");
        var beforeRefresh = await Testing.Database.ScalarAsync<DateTime>(sql);
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = me.RefreshToken })).Status.ShouldBe(HttpStatusCode.OK);
        (await Testing.Database.ScalarAsync<DateTime>(sql)).ShouldBeGreaterThan(beforeRefresh.AddMinutes(1));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Registering_one_address_from_many_client_addresses_in_parallel_is_limited_per_email(bool redis)
    {
        await using var factory = new CrmApiFactory(Testing.Database.ConnectionString, settings: Limits(redis, new()
        {
            ["RateLimits:RegisterPerEmail:Limit"] = "3",
        }));
        var api = new Api(factory.CreateClient());

        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            api.From($"10.11.0.{i + 1}").PostAsync("/api/v1/auth/register", new
            {
                email = i % 2 == 0 ? "target@example.com" : "TARGET@Example.com",
                password = Api.DefaultPassword,
                name = "Target",
                organization_name = "Target Org",
            }))));

        replies.Count(r => r.Status != HttpStatusCode.TooManyRequests).ShouldBe(3);
        replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in replies.Where(r => r.Status == HttpStatusCode.TooManyRequests))
        {
            refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
            ((string?)refused.Json["detail"] ?? string.Empty).ShouldContain("email address");
            int.Parse(refused.Headers.RetryAfter!.ToString()).ShouldBeGreaterThan(0);
            refused.Headers.GetValues("RateLimit-Limit").Single().ShouldBe("3");
            refused.Headers.GetValues("RateLimit-Remaining").Single().ShouldBe("0");
        }

        (await api.From("10.11.1.1").RegisterAsync("someone-else@example.com")).Email.ShouldBe("someone-else@example.com");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Forgot_password_for_one_address_is_limited_per_email_and_still_says_nothing_about_the_account(bool redis)
    {
        await using var factory = new CrmApiFactory(Testing.Database.ConnectionString, settings: Limits(redis, new()
        {
            ["RateLimits:ForgotPasswordPerEmail:Limit"] = "2",
        }));
        var api = new Api(factory.CreateClient());
        var known = await api.From("10.12.0.100").RegisterAsync();

        foreach (var email in new[] { known.Email, "nobody@example.com" })
        {
            var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
                api.From($"10.12.0.{i + 1}").PostAsync("/api/v1/auth/forgot-password", new { email }))));

            replies.Count(r => r.Status == HttpStatusCode.Accepted).ShouldBe(2, email);
            replies.Where(r => r.Status != HttpStatusCode.Accepted).ShouldAllBe(r => r.Status == HttpStatusCode.TooManyRequests);
            replies.Where(r => r.Status == HttpStatusCode.Accepted).ShouldAllBe(r => r.Text == string.Empty);
        }

        await PasswordResets.WorkedAsync(factory);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE template = 'password_reset' AND recipient = '{known.Email}'")).ShouldBe(2);
    }

    [Test]
    public async Task Verification_emails_are_bounded_per_account()
    {
        await using var factory = new CrmApiFactory(Testing.Database.ConnectionString, settings: Limits(false, new()
        {
            ["RateLimits:ResendVerificationPerUser:Limit"] = "3",
        }));
        var api = new Api(factory.CreateClient());
        var me = await api.RegisterAsync();

        for (var i = 0; i < 3; i++)
        {
            (await api.As(me).PostAsync("/api/v1/auth/resend-verification")).Status.ShouldBe(HttpStatusCode.Accepted);
        }

        var refused = (await api.As(me).PostAsync("/api/v1/auth/resend-verification")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        ((string?)refused.Json["detail"] ?? string.Empty).ShouldContain("verification emails");
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE template = 'email_verification' AND recipient = '{me.Email}'")).ShouldBe(4);
    }

    /// <summary>Limits on, loose per client address and plan, so that only the keyed limit under test can refuse.</summary>
    private static Dictionary<string, string?> Limits(bool redis, Dictionary<string, string?> keyed)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:PerClientAddress:TokenLimit"] = "1000",
            ["RateLimits:Plans:Free:PerUser:TokenLimit"] = "1000",
            ["RateLimits:Plans:Free:PerOrganization:TokenLimit"] = "1000",
        };
        if (redis)
        {
            settings["Caching:Redis"] = TestRedis.Configuration;
            settings["Caching:RedisPrefix"] = $"test-{Guid.NewGuid():N}:";
        }

        foreach (var (key, value) in keyed)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<string> SessionIdAsync(Api api) =>
        (string)(await api.GetAsync("/api/v1/auth/sessions")).Json["items"]!.AsArray().Single(s => (bool)s!["current"]!)!["id"]!;

    private static async Task Sql(string sql)
    {
        await using var command = Testing.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
