using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ApiKeyTests : ApiTest
{
    private const string Keys = "/api/v1/api-keys";

    /// <summary>Creates a key as <paramref name="creator"/>; answers its id and secret.</summary>
    private static async Task<(Guid Id, string Secret)> CreateKeyAsync(
        Api api, Account creator, string role = "manager", bool readOnly = false, string name = "Billing sync")
    {
        var reply = await api.As(creator).PostAsync(Keys, new { name, role, read_only = readOnly });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return (Guid.Parse(reply["id"]!), reply["secret"]!);
    }

    /// <summary>An API client that sends <paramref name="secret"/> as its bearer credential and no organization header.</summary>
    private static Api WithKey(Api api, string secret, Guid? organizationId = null) =>
        api.WithToken(secret).InOrganization(organizationId);

    private static async Task<HttpStatusCode> SendWithHeaderAsync(string path, Action<HttpRequestHeaders> headers)
    {
        using var client = Testing.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers(request.Headers);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task An_owner_creates_a_key_whose_secret_is_shown_once_and_stored_only_as_a_hash()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        var created = await api.As(owner).PostAsync(Keys, new { name = "Billing sync", role = "admin", expires_at = "2099-01-01T00:00:00Z" });

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var id = created["id"]!;
        var secret = created["secret"]!;
        created.Headers.Location!.ToString().ShouldBe($"{Keys}/{id}");
        secret.ShouldMatch("^crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$");
        created["prefix"].ShouldBe(secret[..12]);
        created["role"].ShouldBe("admin");
        ((bool?)created.Json["read_only"]).ShouldBe(false);
        created["expires_at"].ShouldBe("2099-01-01T00:00:00Z");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM api_keys WHERE id = '{id}' AND secret_hash = '\\x{hash}'::bytea")).ShouldBe(1);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM api_keys k WHERE k::text LIKE '%{secret[13..]}%'")).ShouldBe(0);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_logs a WHERE a::text LIKE '%{secret[13..]}%'")).ShouldBe(0);

        var list = await api.As(owner).GetAsync(Keys);
        list.Status.ShouldBe(HttpStatusCode.OK, list.Text);
        list.Text.ShouldNotContain(secret[13..]);
        var item = list.Json["items"]!.AsArray().Single()!;
        ((string?)item["id"]).ShouldBe(id);
        ((string?)item["prefix"]).ShouldBe(secret[..12]);
        ((string?)item["created_by"]!["id"]).ShouldBe(owner.UserId.ToString());
        item["last_used_at"].ShouldBeNull();
        item["secret"].ShouldBeNull();
        var one = await api.As(owner).GetAsync($"{Keys}/{id}");
        one.Status.ShouldBe(HttpStatusCode.OK, one.Text);
        one.Json.ToJsonString().ShouldBe(item.ToJsonString());
    }

    [TestCase("manager")]
    [TestCase("member")]
    public async Task Only_owners_and_admins_manage_keys(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var (id, _) = await CreateKeyAsync(api, team.Owner);

        (await api.As(team[role]).PostAsync(Keys, new { name = "Mine", role = "member" })).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team[role]).GetAsync(Keys)).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team[role]).GetAsync($"{Keys}/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team[role]).DeleteAsync($"{Keys}/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Test]
    public async Task An_admin_key_is_created_only_by_an_owner_and_no_key_is_an_owner()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        (await api.As(team.Admin).PostAsync(Keys, new { name = "Peer", role = "admin" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "api_key_admin_requires_owner");
        (await api.As(team.Owner).PostAsync(Keys, new { name = "Boss", role = "owner" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "api_key_owner_role");
        (await api.As(team.Admin).PostAsync(Keys, new { name = "Sync", role = "manager" })).Status.ShouldBe(HttpStatusCode.Created);
        (await api.As(team.Owner).PostAsync(Keys, new { name = "Ops", role = "admin" })).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task A_key_needs_a_name_a_known_role_and_a_future_expiry()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var as_owner = api.As(owner);

        (await as_owner.PostAsync(Keys, new { role = "member" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("name").ShouldNotBeEmpty();
        (await as_owner.PostAsync(Keys, new { name = "   ", role = "member" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await as_owner.PostAsync(Keys, new { name = new string('k', 101), role = "member" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await as_owner.PostAsync(Keys, new { name = "Sync" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("role").ShouldNotBeEmpty();
        (await as_owner.PostAsync(Keys, new { name = "Sync", role = "robot" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await as_owner.PostAsync(Keys, new { name = "Sync", role = "member", expires_at = "2020-01-01T00:00:00Z" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "api_key_expiry_in_past");
    }

    [Test]
    public async Task A_key_authenticates_as_a_bearer_or_in_x_api_key_and_acts_in_its_own_organization_only()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var other = await api.RegisterAsync();
        var (_, secret) = await CreateKeyAsync(api, team.Owner);

        (await WithKey(api, secret).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await WithKey(api, secret, team.OrganizationId).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await SendWithHeaderAsync("/api/v1/contacts", h => h.Add("X-Api-Key", secret))).ShouldBe(HttpStatusCode.OK);

        (await WithKey(api, secret, other.OrganizationId).GetAsync("/api/v1/contacts"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await WithKey(api, secret).GetAsync($"/api/v1/organizations/{other.OrganizationId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        var own = await WithKey(api, secret).GetAsync($"/api/v1/organizations/{team.OrganizationId}/members");
        own.Status.ShouldBe(HttpStatusCode.OK, own.Text);
        (await SendWithHeaderAsync("/api/v1/contacts", h =>
        {
            h.Add("X-Organization-Id", "not-a-uuid");
            h.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        })).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task An_unknown_or_garbled_key_or_two_credentials_answer_401()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (_, secret) = await CreateKeyAsync(api, owner);
        var forged = secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a');

        (await WithKey(api, forged).GetAsync("/api/v1/contacts")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");
        (await WithKey(api, "crm_short").GetAsync("/api/v1/contacts")).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");
        (await SendWithHeaderAsync("/api/v1/contacts", h => h.Add("X-Api-Key", "garbage"))).ShouldBe(HttpStatusCode.Unauthorized);
        (await SendWithHeaderAsync("/api/v1/contacts", h =>
        {
            h.Add("X-Api-Key", secret);
            h.Authorization = new AuthenticationHeaderValue("Bearer", owner.AccessToken);
        })).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_revoked_key_answers_401_at_once_to_every_parallel_request_and_is_gone_from_the_list()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, secret) = await CreateKeyAsync(api, owner);
        var (otherId, other) = await CreateKeyAsync(api, owner, name: "Other");
        var keyed = WithKey(api, secret);

        // Requests in flight while the key is revoked may pass or fail; every one sent after the revocation fails.
        var during = Enumerable.Range(0, 20).Select(_ => Task.Run(() => keyed.GetAsync("/api/v1/contacts"))).ToList();
        (await api.As(owner).DeleteAsync($"{Keys}/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        var after = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => keyed.GetAsync("/api/v1/contacts"))));
        (await Task.WhenAll(during)).ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Unauthorized);

        after.ShouldAllBe(r => r.Status == HttpStatusCode.Unauthorized);
        after[0].ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");
        ((string?)after[0].Json["detail"]).ShouldBe("The API key was revoked.");
        (await WithKey(api, other).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(owner).DeleteAsync($"{Keys}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "api_key_not_found");
        (await api.As(owner).GetAsync($"{Keys}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "api_key_not_found");
        var list = await api.As(owner).GetAsync(Keys);
        list.Json["items"]!.AsArray().Select(i => (string?)i!["id"]).ShouldBe([otherId.ToString()]);
    }

    [Test]
    public async Task An_expired_key_answers_401()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, secret) = await CreateKeyAsync(api, owner);
        await Testing.Database.ScalarAsync<int>($"UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = '{id}' RETURNING 1");

        var refused = await WithKey(api, secret).GetAsync("/api/v1/contacts");

        refused.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_api_key");
        ((string?)refused.Json["detail"]).ShouldBe("The API key has expired.");
    }

    [Test]
    public async Task Another_organizations_key_is_not_found()
    {
        var api = NewApi();
        var first = await api.RegisterAsync();
        var second = await api.RegisterAsync();
        var (id, secret) = await CreateKeyAsync(api, first);

        (await api.As(second).DeleteAsync($"{Keys}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "api_key_not_found");
        (await api.As(second).GetAsync($"{Keys}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "api_key_not_found");
        (await api.As(second).GetAsync(Keys)).Json["items"]!.AsArray().ShouldBeEmpty();
        (await WithKey(api, secret).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_key_owns_what_it_creates_and_the_timeline_and_audit_name_it()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, secret) = await CreateKeyAsync(api, owner, role: "member");
        var keyed = WithKey(api, secret);

        var contact = await keyed.PostAsync("/api/v1/contacts", new { name = "Grace Hopper" });
        contact.Status.ShouldBe(HttpStatusCode.Created, contact.Text);
        contact["owner_id"].ShouldBe(id.ToString());
        (await keyed.PostAsync("/api/v1/contacts", new { name = "Named owner", owner_id = id })).Status.ShouldBe(HttpStatusCode.Created);
        var handedOver = await api.As(owner).CreateContactAsync("Handed over");
        (await api.As(owner).PatchAsync($"/api/v1/contacts/{handedOver}", new { owner_id = id }))["owner_id"].ShouldBe(id.ToString());
        var deal = await keyed.CreateDealAsync(Guid.Parse(contact["id"]!));
        (await keyed.PatchDealAsync(deal, new { stage = "proposal" })).Status.ShouldBe(HttpStatusCode.OK);
        (await keyed.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "Synced." } }))
            .Status.ShouldBe(HttpStatusCode.Created);

        var timeline = (await api.As(owner).GetAsync($"/api/v1/deals/{deal}/activities?page_size=100")).Json["items"]!.AsArray();
        timeline.Count.ShouldBeGreaterThanOrEqualTo(3);
        timeline.ShouldAllBe(a => (string?)a!["author_id"] == id.ToString() && (string?)a!["author_type"] == "api_key");
        var audit = (await api.As(owner).GetAsync("/api/v1/audit-logs?page_size=100")).Json["items"]!.AsArray();
        var contactsCreated = audit.Where(e => (string?)e!["action"] == "create_contact").ToList();
        contactsCreated.Select(e => ((string?)e!["actor_id"], (string?)e["actor_type"])).ShouldBe(
            [(owner.UserId.ToString(), "user"), (id.ToString(), "api_key"), (id.ToString(), "api_key")], ignoreOrder: true);
        var keyCreated = audit.Single(e => (string?)e!["action"] == "create_api_key")!;
        ((string?)keyCreated["actor_id"]).ShouldBe(owner.UserId.ToString());
        ((string?)keyCreated["actor_type"]).ShouldBe("user");
        ((string?)keyCreated["entity_id"]).ShouldBe(id.ToString());
    }

    [Test]
    public async Task A_member_key_changes_only_its_own_records()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (_, secret) = await CreateKeyAsync(api, owner, role: "member");
        var keyed = WithKey(api, secret);
        var theirs = await api.As(owner).CreateContactAsync("Owned by a person");
        var mine = await keyed.CreateContactAsync("Owned by the key");

        (await keyed.PatchAsync($"/api/v1/contacts/{theirs}", new { phone = "+44 20 7946 0000" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await keyed.PatchAsync($"/api/v1/contacts/{mine}", new { phone = "+44 20 7946 0000" })).Status.ShouldBe(HttpStatusCode.OK);
        (await keyed.PostAsync("/api/v1/contacts", new { name = "Given away", owner_id = owner.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_assignment_forbidden");
        (await keyed.GetAsync($"/api/v1/contacts/{theirs}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_read_only_key_reads_and_is_refused_every_write()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (_, secret) = await CreateKeyAsync(api, owner, role: "manager", readOnly: true);
        var keyed = WithKey(api, secret);
        var contact = await api.As(owner).CreateContactAsync();

        (await keyed.GetAsync($"/api/v1/contacts/{contact}")).Status.ShouldBe(HttpStatusCode.OK);
        (await keyed.PostAsync("/api/v1/contacts", new { name = "New" })).ShouldBeProblem(HttpStatusCode.Forbidden, "api_key_read_only");
        (await keyed.PatchAsync($"/api/v1/contacts/{contact}", new { name = "Renamed" })).ShouldBeProblem(HttpStatusCode.Forbidden, "api_key_read_only");
        (await keyed.DeleteAsync($"/api/v1/contacts/{contact}")).ShouldBeProblem(HttpStatusCode.Forbidden, "api_key_read_only");
        (await api.As(owner).GetAsync($"/api/v1/contacts/{contact}"))["name"].ShouldBe("Ada Lovelace");
    }

    [Test]
    public async Task Keys_manage_keys_and_members_only_as_admin()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (_, manager) = await CreateKeyAsync(api, owner, role: "manager");
        var (_, admin) = await CreateKeyAsync(api, owner, role: "admin", name: "Ops");
        var members = $"/api/v1/organizations/{owner.OrganizationId}/members";

        (await WithKey(api, manager).PostAsync(Keys, new { name = "Child", role = "member" })).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await WithKey(api, manager).GetAsync(Keys)).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await WithKey(api, manager).PostAsync(members, new { email = "grace@example.com", role = "member" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");

        var child = await WithKey(api, admin).PostAsync(Keys, new { name = "Child", role = "member" });
        child.Status.ShouldBe(HttpStatusCode.Created, child.Text);
        (await WithKey(api, admin).PostAsync(Keys, new { name = "Peer", role = "admin" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "api_key_admin_requires_owner");
        (await WithKey(api, admin).PostAsync(members, new { email = "grace@example.com", role = "member" })).Status.ShouldBe(HttpStatusCode.Accepted);
        var list = (await WithKey(api, admin).GetAsync(Keys)).Json["items"]!.AsArray();
        ((string?)list.Single(k => (string?)k!["name"] == "Child")!["created_by"]!["name"]).ShouldBe("Ops");
    }

    [Test]
    public async Task An_invitation_an_admin_key_sent_is_accepted_until_the_key_is_revoked()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (keyId, admin) = await CreateKeyAsync(api, owner, role: "admin", name: "Provisioning");
        var members = $"/api/v1/organizations/{owner.OrganizationId}/members";
        var grace = await api.RegisterAsync();
        var alan = await api.RegisterAsync();
        await api.VerifyEmailAsync(grace);
        await api.VerifyEmailAsync(alan);

        var toGrace = await WithKey(api, admin).PostAsync(members, new { email = grace.Email, role = "manager" });
        var toAlan = await WithKey(api, admin).PostAsync(members, new { email = alan.Email, role = "member" });
        toGrace.Status.ShouldBe(HttpStatusCode.Accepted, toGrace.Text);
        ((string?)toGrace.Json["invitation"]!["invited_by"]!["name"]).ShouldBe("Provisioning");

        var joined = await api.As(grace).PostAsync($"/api/v1/invitations/{toGrace.Json["invitation"]!["id"]}/accept");
        joined.Status.ShouldBe(HttpStatusCode.Created, joined.Text);
        joined["role"].ShouldBe("manager");
        (await api.As(owner).DeleteAsync($"{Keys}/{keyId}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.As(alan).PostAsync($"/api/v1/invitations/{toAlan.Json["invitation"]!["id"]}/accept"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invitation_stale");
    }

    [Test]
    public async Task A_keys_service_user_cannot_sign_in_or_ask_for_a_password_reset()
    {
        // A client address of its own: the failed sign-in counts in the throttle of the address it comes from.
        var api = NewApi().From("10.91.0.1");
        var owner = await api.RegisterAsync();
        var (id, secret) = await CreateKeyAsync(api, owner);
        var address = await Testing.Database.ScalarAsync<string>($"SELECT email FROM users WHERE id = '{id}'");

        address.ShouldBe($"api-key:{id}");
        // Its empty password hash matches no password, the empty one included.
        (await api.PostAsync("/api/v1/auth/login", new { email = address, password = secret }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await api.PostAsync("/api/v1/auth/login", new { email = address, password = "" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PostAsync("/api/v1/auth/forgot-password", new { email = address }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [TestCase("GET", "/api/v1/auth/me")]
    [TestCase("GET", "/api/v1/auth/sessions")]
    [TestCase("POST", "/api/v1/auth/2fa/setup")]
    [TestCase("POST", "/api/v1/auth/change-password")]
    [TestCase("POST", "/api/v1/auth/logout")]
    [TestCase("GET", "/api/v1/organizations/me")]
    [TestCase("GET", "/api/v1/invitations")]
    public async Task A_key_is_refused_the_endpoints_about_a_person_with_403(string method, string path)
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (_, secret) = await CreateKeyAsync(api, owner, role: "manager");
        var keyed = WithKey(api, secret);

        var reply = method == "GET"
            ? await keyed.GetAsync(path)
            : await keyed.PostAsync(path, new { current_password = Api.DefaultPassword, new_password = "another-long-password" });

        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "api_key_not_allowed");
    }

    [Test]
    public async Task Its_last_use_is_written_when_a_minute_old_and_once_for_parallel_requests()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, secret) = await CreateKeyAsync(api, owner);
        var keyed = WithKey(api, secret);

        // A trigger counts the key's row writes for the length of this test.
        await Testing.Database.ScalarAsync<int>("""
            CREATE TABLE test_api_key_writes (id uuid);
            CREATE FUNCTION test_count_api_key_writes() RETURNS trigger LANGUAGE plpgsql AS
              'BEGIN INSERT INTO test_api_key_writes VALUES (NEW.id); RETURN NEW; END';
            CREATE TRIGGER test_count_api_key_writes AFTER UPDATE ON api_keys FOR EACH ROW EXECUTE FUNCTION test_count_api_key_writes();
            SELECT 1
            """);
        try
        {
            (await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => keyed.GetAsync("/api/v1/contacts")))))
                .ShouldAllBe(r => r.Status == HttpStatusCode.OK);
            (await keyed.GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);

            (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM test_api_key_writes WHERE id = '{id}'")).ShouldBe(1);
        }
        finally
        {
            await Testing.Database.ScalarAsync<int>("""
                DROP TRIGGER test_count_api_key_writes ON api_keys;
                DROP FUNCTION test_count_api_key_writes();
                DROP TABLE test_api_key_writes;
                SELECT 1
                """);
        }

        (await api.As(owner).GetAsync(Keys)).Json["items"]![0]!["last_used_at"].ShouldNotBeNull();

        await Testing.Database.ScalarAsync<int>($"UPDATE api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = '{id}' RETURNING 1");
        var stale = await Testing.Database.ScalarAsync<DateTime>($"SELECT last_used_at FROM api_keys WHERE id = '{id}'");
        (await keyed.GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await Testing.Database.ScalarAsync<DateTime>($"SELECT last_used_at FROM api_keys WHERE id = '{id}'")).ShouldBeGreaterThan(stale);
    }

    [Test]
    public async Task A_key_has_its_own_rate_limit_bucket()
    {
        var team = await Team.CreateAsync(NewApi());
        var (_, secret) = await CreateKeyAsync(NewApi(), team.Owner);
        await using var limited = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Plans:Free:PerUser:TokenLimit"] = "2",
            ["RateLimits:Plans:Free:PerUser:Period"] = "01:00:00",
            ["RateLimits:Plans:Free:PerApiKey:TokenLimit"] = "3",
            ["RateLimits:Plans:Free:PerApiKey:Period"] = "01:00:00",
            ["RateLimits:Plans:Free:PerOrganization:TokenLimit"] = "100",
            ["RateLimits:Plans:Free:PerOrganization:Period"] = "01:00:00",
        });
        var api = new Api(limited.CreateClient());
        for (var i = 0; i < 2; i++)
        {
            (await api.As(team.Owner).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        }

        (await api.As(team.Owner).GetAsync("/api/v1/contacts")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        var keyed = WithKey(api, secret);
        for (var remaining = 2; remaining >= 0; remaining--)
        {
            var reply = await keyed.GetAsync("/api/v1/contacts");
            reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
            reply.Headers.GetValues("RateLimit-Limit").Single().ShouldBe("3");
        }

        var refused = await keyed.GetAsync("/api/v1/contacts");
        refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        ((string?)refused.Json["detail"]).ShouldNotBeNull().ShouldContain("per API key");
        (await api.As(team.Member).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
