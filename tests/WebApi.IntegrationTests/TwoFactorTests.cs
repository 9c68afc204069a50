using System.Net;
using System.Text;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class TwoFactorTests : ApiTest
{
    [Test]
    public async Task Setup_answers_a_base32_secret_and_its_otpauth_uri_and_stores_the_secret_only_encrypted()
    {
        var api = ApiFromOwnAddress();
        var account = await api.RegisterAsync("Setup.Person@example.com");

        var setup = await api.As(account).PostAsync("/api/v1/auth/2fa/setup");

        setup.Status.ShouldBe(HttpStatusCode.OK, setup.Text);
        var secret = setup["secret"]!;
        secret.ShouldMatch("^[A-Z2-7]{32}$");
        setup["otpauth_uri"].ShouldBe(
            $"otpauth://totp/Crm:Setup.Person%40example.com?secret={secret}&issuer=Crm&algorithm=SHA1&digits=6&period=30");
        var stored = (await Testing.Database.ScalarAsync<byte[]>("SELECT secret_ciphertext FROM two_factor_credentials"))!;
        var raw = Authenticator.FromBase32(secret);
        Convert.ToHexString(stored).ShouldNotContain(Convert.ToHexString(DecodeBase32(secret)));
        Encoding.ASCII.GetString(stored).ShouldNotContain(secret);
        ((bool?)(await api.As(account).GetAsync("/api/v1/auth/me")).Json["two_factor_enabled"]).ShouldBe(false);

        // Asked again before enabling: a new secret replaces the pending one, whose codes no longer enable.
        var again = await api.As(account).PostAsync("/api/v1/auth/2fa/setup");
        again["secret"].ShouldNotBe(secret);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM two_factor_credentials")).ShouldBe(1);
        (await api.As(account).PostAsync("/api/v1/auth/2fa/enable", new { code = raw.Code(Authenticator.StepNow()) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
    }

    [Test]
    public async Task Enabling_takes_a_right_code_and_answers_ten_single_use_recovery_codes_stored_as_hashes()
    {
        var api = ApiFromOwnAddress();
        var account = await api.RegisterAsync();
        (await api.As(account).PostAsync("/api/v1/auth/2fa/enable", new { code = "123456" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "two_factor_setup_required");
        (await api.As(account).PostAsync("/api/v1/auth/2fa/setup")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(account).PostAsync("/api/v1/auth/2fa/enable", new { code = "12345" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.As(account).PostAsync("/api/v1/auth/2fa/enable", new { code = "000000" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
        await Testing.Database.ScalarAsync<object>("DELETE FROM two_factor_credentials");

        var enabled = await Authenticator.EnableAsync(api, account);

        enabled.RecoveryCodes.Count.ShouldBe(10);
        enabled.RecoveryCodes.Distinct().Count().ShouldBe(10);
        enabled.RecoveryCodes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[a-z2-7]{4}(-[a-z2-7]{4}){3}$"));
        var stored = (await Testing.Database.ScalarAsync<string>("SELECT array_to_string(recovery_code_hashes, ',') FROM two_factor_credentials"))!;
        foreach (var code in enabled.RecoveryCodes)
        {
            stored.ShouldNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal));
        }

        ((bool?)(await api.As(account).GetAsync("/api/v1/auth/me")).Json["two_factor_enabled"]).ShouldBe(true);
        (await api.As(account).PostAsync("/api/v1/auth/2fa/setup")).ShouldBeProblem(HttpStatusCode.Conflict, "two_factor_already_enabled");
        (await api.As(account).PostAsync("/api/v1/auth/2fa/enable", new { code = enabled.Authenticator.Code(enabled.Step) }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "two_factor_already_enabled");
    }

    [Test]
    public async Task Signing_in_takes_the_password_then_a_code_and_each_code_challenge_and_recovery_code_works_once()
    {
        var api = ApiFromOwnAddress();
        var user = await Authenticator.EnableAsync(api, await api.RegisterAsync());
        var (account, authenticator, recovery, step) = user;

        var challenge = await ChallengeAsync(api, account);
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code = authenticator.Code(step - 1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
        var signedIn = await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code = authenticator.Code(step) });

        signedIn.Status.ShouldBe(HttpStatusCode.OK, signedIn.Text);
        ((bool?)signedIn.Json["user"]!["two_factor_enabled"]).ShouldBe(true);
        (await api.WithToken(signedIn["access_token"]).GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code = authenticator.Code(step + 1) }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_challenge");

        // The same code on a new challenge is a replay; the next step's code is not.
        var second = await ChallengeAsync(api, account);
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = second, code = authenticator.Code(step) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = second, code = authenticator.Code(step + 1) }))
            .Status.ShouldBe(HttpStatusCode.OK);

        // A recovery code completes a sign-in once, typed in any case and without hyphens too.
        var third = await ChallengeAsync(api, account);
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = third, recovery_code = recovery[0].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal) }))
            .Status.ShouldBe(HttpStatusCode.OK);
        var fourth = await ChallengeAsync(api, account);
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = fourth, recovery_code = recovery[0] }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = fourth, code = "123456", recovery_code = recovery[1] }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = fourth }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = fourth, recovery_code = recovery[1] })).Status.ShouldBe(HttpStatusCode.OK);
        (await Testing.Database.ScalarAsync<int>("SELECT cardinality(recovery_code_hashes) FROM two_factor_credentials")).ShouldBe(8);
    }

    [Test]
    public async Task A_challenge_token_is_no_access_token_nor_refresh_token_and_is_stored_only_as_a_hash()
    {
        var api = ApiFromOwnAddress();
        var user = await Authenticator.EnableAsync(api, await api.RegisterAsync());

        var challenge = await ChallengeAsync(api, user.Account);

        (await api.WithToken(challenge).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_token");
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = challenge }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        (await Testing.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM two_factor_challenges WHERE token_hash = sha256(convert_to('{challenge}', 'UTF8'))")).ShouldBe(1);
        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = user.Account.AccessToken, code = "123456" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_challenge");
    }

    [Test]
    public async Task An_expired_challenge_is_refused()
    {
        var api = ApiFromOwnAddress();
        var user = await Authenticator.EnableAsync(api, await api.RegisterAsync());
        var challenge = await ChallengeAsync(api, user.Account);

        await Testing.Database.ScalarAsync<object>("UPDATE two_factor_challenges SET expires_at = now() - interval '1 second'");

        (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code = user.Authenticator.Code(user.Step) }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_challenge");
    }

    [Test]
    public async Task Two_parallel_completions_of_one_challenge_give_one_token_pair()
    {
        var api = ApiFromOwnAddress();
        var user = await Authenticator.EnableAsync(api, await api.RegisterAsync());
        var challenge = await ChallengeAsync(api, user.Account);
        var code = user.Authenticator.Code(user.Step);

        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code }))));

        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", replies.Select(r => r.Text)));
        replies.Single(r => r.Status != HttpStatusCode.OK).Status.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM user_sessions")).ShouldBe(2); // registering's and the winner's
    }

    [Test]
    public async Task One_code_presented_on_two_challenges_in_parallel_signs_in_once()
    {
        var api = ApiFromOwnAddress();
        var user = await Authenticator.EnableAsync(api, await api.RegisterAsync());
        var challenges = new[] { await ChallengeAsync(api, user.Account), await ChallengeAsync(api, user.Account) };
        var code = user.Authenticator.Code(user.Step);

        var replies = await Task.WhenAll(challenges.Select(challenge => Task.Run(() =>
            api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code }))));

        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", replies.Select(r => r.Text)));
        replies.Single(r => r.Status != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
    }

    [Test]
    public async Task Wrong_codes_count_against_the_sign_in_throttle()
    {
        var api = ApiFromOwnAddress();
        var user = await Authenticator.EnableAsync(api, await api.RegisterAsync());
        var challenge = await ChallengeAsync(api, user.Account);
        var wrong = Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => c != user.Authenticator.Code(user.Step) && c != user.Authenticator.Code(user.Step + 1) && c != user.Authenticator.Code(user.Step - 1));

        for (var i = 0; i < 5; i++)
        {
            (await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code = wrong }))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
        }

        var refused = await api.PostAsync("/api/v1/auth/login/2fa", new { challenge_token = challenge, code = user.Authenticator.Code(user.Step) });
        refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE action = 'two_factor_failed'")).ShouldBe(5);
    }

    [Test]
    public async Task Disabling_takes_the_password_and_a_code_or_a_recovery_code()
    {
        var api = ApiFromOwnAddress();
        var user = await Authenticator.EnableAsync(api, await api.RegisterAsync());
        var me = api.As(user.Account);

        (await me.PostAsync("/api/v1/auth/2fa/disable", new { password = "wrong-password-123", code = user.Authenticator.Code(user.Step) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_credentials");
        (await me.PostAsync("/api/v1/auth/2fa/disable", new { password = user.Account.Password, code = user.Authenticator.Code(user.Step - 1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_two_factor_code");
        (await me.PostAsync("/api/v1/auth/2fa/disable", new { password = user.Account.Password, code = user.RecoveryCodes[3] }))
            .Status.ShouldBe(HttpStatusCode.NoContent);

        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM two_factor_credentials")).ShouldBe(0);
        (await me.PostAsync("/api/v1/auth/2fa/disable", new { password = user.Account.Password, code = "123456" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "two_factor_not_enabled");
        var login = await api.PostAsync("/api/v1/auth/login", new { email = user.Account.Email, password = user.Account.Password });
        login.Status.ShouldBe(HttpStatusCode.OK, login.Text);
        ((bool?)login.Json["user"]!["two_factor_enabled"]).ShouldBe(false);
    }

    [Test]
    public async Task Only_an_administrator_with_two_factor_sign_in_may_require_it()
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        var path = $"/api/v1/organizations/{team.OrganizationId}";

        (await api.As(team.Manager).PatchAsync(path, new { require_two_factor = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team.Admin).PatchAsync(path, new { require_two_factor = true }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "two_factor_needed_to_require");
        ((bool?)(await api.As(team.Admin).GetAsync(path)).Json["require_two_factor"]).ShouldBe(false);

        await Authenticator.EnableAsync(api, team.Admin);
        // The members list tells the administrator who would be shut out.
        var members = (await api.As(team.Admin).GetAsync($"{path}/members")).Json["items"]!.AsArray();
        members.ToDictionary(m => m!["user_id"]!.GetValue<string>(), m => m!["two_factor_enabled"]!.GetValue<bool>())
            .ShouldBe(new Dictionary<string, bool>
            {
                [team.Owner.UserId.ToString()] = false,
                [team.Admin.UserId.ToString()] = true,
                [team.Manager.UserId.ToString()] = false,
                [team.Member.UserId.ToString()] = false,
            }, ignoreOrder: true);
        ((bool?)(await api.As(team.Admin).PatchAsync($"{path}/members/{team.Manager.UserId}", new { role = "member" })).Json["two_factor_enabled"])
            .ShouldBe(false);
        var changed = await api.As(team.Admin).PatchAsync(path, new { require_two_factor = true });

        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        ((bool?)changed.Json["require_two_factor"]).ShouldBe(true);
        (await Testing.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE action = 'update_organization' AND changes::text LIKE '%require_two_factor%'")).ShouldBe(1);
    }

    [Test]
    public async Task Members_without_two_factor_sign_in_are_refused_until_they_turn_it_on_but_may_read_the_organization_and_leave()
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        var path = $"/api/v1/organizations/{team.OrganizationId}";
        await Authenticator.EnableAsync(api, team.Owner);
        (await api.As(team.Owner).PatchAsync(path, new { require_two_factor = true })).Status.ShouldBe(HttpStatusCode.OK);

        var member = api.As(team.Member);
        (await member.GetAsync("/api/v1/contacts")).ShouldBeProblem(HttpStatusCode.Forbidden, "two_factor_required_by_organization");
        (await member.GetAsync($"{path}/members")).ShouldBeProblem(HttpStatusCode.Forbidden, "two_factor_required_by_organization");
        (await member.DeleteAsync($"{path}/members/{team.Manager.UserId}")).ShouldBeProblem(HttpStatusCode.Forbidden, "two_factor_required_by_organization");
        (await api.As(team.Admin).DeleteAsync($"{path}/members/{team.Manager.UserId}")).ShouldBeProblem(HttpStatusCode.Forbidden, "two_factor_required_by_organization");
        ((bool?)(await member.GetAsync(path)).Json["require_two_factor"]).ShouldBe(true);
        (await member.GetAsync("/api/v1/auth/me")).Status.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync("/api/v1/organizations/me")).Status.ShouldBe(HttpStatusCode.OK);
        // Their own organization does not require it.
        (await api.As(team.Member, await OwnOrganizationAsync(member)).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Owner).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);

        // Turning it on lets the member in with the same access token.
        await Authenticator.EnableAsync(api, team.Member);
        (await member.GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);

        // Leaving stays open to whoever lacks it.
        (await api.As(team.Manager).DeleteAsync($"{path}/members/{team.Manager.UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    private static async Task<Guid> OwnOrganizationAsync(Api member)
    {
        var mine = await member.GetAsync("/api/v1/organizations/me");
        return Guid.Parse(mine.Json["items"]!.AsArray().First(o => o!["role"]!.GetValue<string>() == "owner")!["id"]!.GetValue<string>());
    }

    private static async Task<string> ChallengeAsync(Api api, Account account)
    {
        var reply = await api.PostAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        reply.ShouldBeProblem(HttpStatusCode.Unauthorized, "two_factor_required");
        var token = reply["challenge_token"];
        token.ShouldNotBeNullOrWhiteSpace();
        return token!;
    }

    private static byte[] DecodeBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    private static Api ApiFromOwnAddress() => NewApi().From($"10.88.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
}
