using System.Net;
using Crm.Infrastructure.Webhooks;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

public sealed class WebhookTests : ApiTest
{
    private const string Hooks = "/api/v1/webhooks";

    /// <summary>A public address that needs no name lookup (TEST-NET-3): registration never calls the URL.</summary>
    private const string PublicUrl = "https://203.0.113.10/crm-hooks";

    private static async Task<(Guid Id, string Secret)> CreateAsync(Api api, Account creator, params string[] events)
    {
        var reply = await api.As(creator).PostAsync(Hooks, new { url = PublicUrl, events = events.Length == 0 ? ["*"] : events });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return (Guid.Parse(reply["id"]!), reply["secret"]!);
    }

    [Test]
    public async Task An_owner_registers_a_webhook_whose_secret_is_shown_once_and_stored_encrypted()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        var created = await api.As(owner).PostAsync(Hooks, new { url = PublicUrl, events = new[] { "deal.*", "contact.created", "deal.*" }, description = "Billing" });

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var id = created["id"]!;
        var secret = created["secret"]!;
        created.Headers.Location!.ToString().ShouldBe($"{Hooks}/{id}");
        secret.ShouldMatch("^whsec_[A-Za-z0-9_-]{43}$");
        created.Json["events"]!.AsArray().Select(e => (string?)e).ShouldBe(["contact.created", "deal.*"]);
        ((bool?)created.Json["active"]).ShouldBe(true);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM webhooks w WHERE w::text LIKE '%{secret[6..]}%'")).ShouldBe(0);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_logs a WHERE a::text LIKE '%{secret[6..]}%'")).ShouldBe(0);

        var list = await api.As(owner).GetAsync(Hooks);
        list.Status.ShouldBe(HttpStatusCode.OK, list.Text);
        list.Text.ShouldNotContain(secret[6..]);
        var item = list.Json["items"]!.AsArray().Single()!;
        ((string?)item["id"]).ShouldBe(id);
        ((string?)item["description"]).ShouldBe("Billing");
        item["secret"].ShouldBeNull();
        var one = await api.As(owner).GetAsync($"{Hooks}/{id}");
        one.Status.ShouldBe(HttpStatusCode.OK, one.Text);
        one.Json.ToJsonString().ShouldBe(item.ToJsonString());
    }

    [TestCase("manager")]
    [TestCase("member")]
    public async Task Only_owners_and_admins_manage_webhooks(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var (id, _) = await CreateAsync(api, team.Admin);
        var as_role = api.As(team[role]);

        (await as_role.PostAsync(Hooks, new { url = PublicUrl, events = new[] { "*" } })).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await as_role.GetAsync(Hooks)).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await as_role.GetAsync($"{Hooks}/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await as_role.PatchAsync($"{Hooks}/{id}", new { active = false })).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await as_role.PostAsync($"{Hooks}/{id}/rotate-secret")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await as_role.DeleteAsync($"{Hooks}/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team.Owner).GetAsync($"{Hooks}/{id}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Keys_manage_webhooks_only_with_the_admin_role()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var admin = await api.As(owner).PostAsync("/api/v1/api-keys", new { name = "Ops", role = "admin" });
        var manager = await api.As(owner).PostAsync("/api/v1/api-keys", new { name = "Sync", role = "manager" });

        (await api.WithToken(admin["secret"]).InOrganization(null).PostAsync(Hooks, new { url = PublicUrl, events = new[] { "*" } }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await api.WithToken(manager["secret"]).InOrganization(null).PostAsync(Hooks, new { url = PublicUrl, events = new[] { "*" } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Test]
    public async Task Another_organizations_webhook_is_not_found()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var (id, _) = await CreateAsync(api, owner);
        var as_stranger = api.As(stranger);

        (await as_stranger.GetAsync($"{Hooks}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await as_stranger.PatchAsync($"{Hooks}/{id}", new { active = false })).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await as_stranger.PostAsync($"{Hooks}/{id}/rotate-secret")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await as_stranger.DeleteAsync($"{Hooks}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await as_stranger.GetAsync(Hooks)).Json["items"]!.AsArray().ShouldBeEmpty();
        (await api.As(owner).GetAsync($"{Hooks}/{id}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("http://203.0.113.10/hook", "webhook_url_insecure")]
    [TestCase("http://127.0.0.1:9/hook", "webhook_url_insecure")]
    [TestCase("https://127.0.0.1/hook", "webhook_url_private")]
    [TestCase("https://localhost/hook", "webhook_url_private")]
    [TestCase("https://10.1.2.3/hook", "webhook_url_private")]
    [TestCase("https://172.16.0.1/hook", "webhook_url_private")]
    [TestCase("https://192.168.1.1/hook", "webhook_url_private")]
    [TestCase("https://169.254.169.254/latest/meta-data", "webhook_url_private")]
    [TestCase("https://100.64.0.1/hook", "webhook_url_private")]
    [TestCase("https://0.0.0.0/hook", "webhook_url_private")]
    [TestCase("https://[::1]/hook", "webhook_url_private")]
    [TestCase("https://[fd00::1]/hook", "webhook_url_private")]
    [TestCase("https://[fe80::1]/hook", "webhook_url_private")]
    [TestCase("https://[::ffff:10.0.0.1]/hook", "webhook_url_private")]
    [TestCase("https://crm-webhook-test.invalid/hook", "webhook_url_unresolvable")]
    public async Task Urls_the_service_must_not_call_are_refused(string url, string code)
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, _) = await CreateAsync(api, owner);

        (await api.As(owner).PostAsync(Hooks, new { url, events = new[] { "*" } })).ShouldBeProblem(HttpStatusCode.BadRequest, code);
        (await api.As(owner).PatchAsync($"{Hooks}/{id}", new { url })).ShouldBeProblem(HttpStatusCode.BadRequest, code);
        (await api.As(owner).GetAsync($"{Hooks}/{id}"))["url"].ShouldBe(PublicUrl);
    }

    [TestCase("ftp://203.0.113.10/hook")]
    [TestCase("https://user:pass@203.0.113.10/hook")]
    [TestCase("https://203.0.113.10/hook#part")]
    [TestCase("/relative/hook")]
    [TestCase("")]
    public async Task Malformed_urls_are_invalid(string url)
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        (await api.As(owner).PostAsync(Hooks, new { url, events = new[] { "*" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("url").ShouldNotBeEmpty();
    }

    [Test]
    public async Task Events_must_be_known_and_few()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var as_owner = api.As(owner);

        (await as_owner.PostAsync(Hooks, new { url = PublicUrl, events = new[] { "deal.signed" } })).ShouldBeProblem(HttpStatusCode.BadRequest, "webhook_event_unknown");
        (await as_owner.PostAsync(Hooks, new { url = PublicUrl, events = new[] { "ping" } })).ShouldBeProblem(HttpStatusCode.BadRequest, "webhook_event_unknown");
        (await as_owner.PostAsync(Hooks, new { url = PublicUrl, events = Array.Empty<string>() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("events").ShouldNotBeEmpty();
        (await as_owner.PostAsync(Hooks, new { url = PublicUrl })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("events").ShouldNotBeEmpty();
        (await as_owner.PostAsync(Hooks, new { url = PublicUrl, events = Enumerable.Repeat("*", 33).ToArray() })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await as_owner.PostAsync(Hooks, new { url = PublicUrl, events = new[] { "*" }, description = new string('d', 501) })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task An_organization_has_at_most_25_webhooks()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        for (var i = 0; i < 25; i++)
        {
            await CreateAsync(api, owner);
        }

        (await api.As(owner).PostAsync(Hooks, new { url = PublicUrl, events = new[] { "*" } })).ShouldBeProblem(HttpStatusCode.Conflict, "webhook_limit_reached");
    }

    [Test]
    public async Task A_patch_changes_only_what_it_names_and_is_audited()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, _) = await CreateAsync(api, owner, "deal.won");

        var patched = await api.As(owner).PatchAsync($"{Hooks}/{id}", new { events = new[] { "task.*" }, active = false });

        patched.Status.ShouldBe(HttpStatusCode.OK, patched.Text);
        patched.Json["events"]!.AsArray().Select(e => (string?)e).ShouldBe(["task.*"]);
        ((bool?)patched.Json["active"]).ShouldBe(false);
        patched["url"].ShouldBe(PublicUrl);
        var again = await api.As(owner).GetAsync($"{Hooks}/{id}");
        again.Json.ToJsonString().ShouldBe(patched.Json.ToJsonString());
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE action = 'update_webhook'")).ShouldBe(1);
    }

    [Test]
    public async Task Rotating_gives_a_new_secret_and_deleting_removes_the_webhook()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, secret) = await CreateAsync(api, owner);

        var rotated = await api.As(owner).PostAsync($"{Hooks}/{id}/rotate-secret");

        rotated.Status.ShouldBe(HttpStatusCode.OK, rotated.Text);
        rotated["secret"].ShouldStartWith("whsec_");
        rotated["secret"].ShouldNotBe(secret);
        DateTime.Parse(rotated["previous_secret_expires_at"]!, null, System.Globalization.DateTimeStyles.RoundtripKind)
            .ShouldBeGreaterThan(DateTime.UtcNow.AddHours(23));
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM webhooks WHERE id = '{id}' AND previous_secret IS NOT NULL")).ShouldBe(1);

        (await api.As(owner).DeleteAsync($"{Hooks}/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.As(owner).GetAsync($"{Hooks}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await api.As(owner).DeleteAsync($"{Hooks}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
    }

    [Test]
    public async Task Settled_deliveries_are_purged_after_30_days_and_pending_ones_are_kept()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, _) = await CreateAsync(api, owner);
        for (var i = 0; i < 4; i++)
        {
            (await api.As(owner).PostAsync($"{Hooks}/{id}/ping")).Status.ShouldBe(HttpStatusCode.Accepted);
        }

        await Testing.Database.ScalarAsync<object>(
            $"""
            UPDATE webhook_deliveries SET created_at = now() - interval '31 days',
                   status = (ARRAY['succeeded', 'failed', 'pending', 'succeeded'])[sequence - (SELECT min(sequence) FROM webhook_deliveries) + 1]
             WHERE webhook_id = '{id}'
            """);
        await Testing.Database.ScalarAsync<object>(
            $"UPDATE webhook_deliveries SET created_at = now() - interval '29 days' WHERE webhook_id = '{id}' AND sequence = (SELECT max(sequence) FROM webhook_deliveries)");

        var purged = await Testing.Factory.Services.GetRequiredService<WebhookDeliveryPurgeJob>().PurgeAsync(CancellationToken.None);

        purged.ShouldBe(2);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE webhook_id = '{id}'")).ShouldBe(2);
    }

    [Test]
    public async Task A_committed_change_whose_dispatcher_died_is_delivered_by_another_instance()
    {
        // This suite's host sends nothing: the changes below commit with no dispatcher running, as after a crash.
        await using var receiver = await WebhookReceiver.StartAsync();
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (webhookId, _) = await CreateAsync(api, owner, "deal.created");

        // This host refuses plain-HTTP loopback targets; the receiver is one.
        await Testing.Database.ScalarAsync<object>($"UPDATE webhooks SET url = '{receiver.Url}' WHERE id = '{webhookId}'");
        var waiting = await api.As(owner).CreateDealAsync(title: "Never claimed");
        var abandoned = await api.As(owner).CreateDealAsync(title: "Claimed by a dispatcher that died");

        // A dispatcher claimed this one, leased it and never came back.
        await Testing.Database.ScalarAsync<object>(
            $"UPDATE webhook_deliveries SET status = 'sending', locked_until = now() - interval '1 second' WHERE webhook_id = '{webhookId}' AND record_id = '{abandoned}'");

        await using var instance = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Webhooks:Dispatch"] = "true",
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:AllowInsecure"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.050",
        });
        _ = instance.Services;

        var arrived = new[] { await receiver.NextAsync(), await receiver.NextAsync() };
        arrived.Select(a => (string?)System.Text.Json.Nodes.JsonNode.Parse(a.Body)!["data"]!["object"]!["id"])
            .ShouldBe([waiting.ToString(), abandoned.ToString()], ignoreOrder: true);
        for (var i = 0; i < 600 && !await Testing.Database.ScalarAsync<bool>(
                 $"SELECT bool_and(status = 'succeeded' AND attempts = 1) FROM webhook_deliveries WHERE webhook_id = '{webhookId}'"); i++)
        {
            await Task.Delay(100);
        }

        (await Testing.Database.ScalarAsync<bool>(
            $"SELECT bool_and(status = 'succeeded' AND attempts = 1) FROM webhook_deliveries WHERE webhook_id = '{webhookId}'")).ShouldBeTrue();
    }

    [Test]
    public async Task Turning_a_webhook_back_on_forgets_its_past_failures()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var (id, _) = await CreateAsync(api, owner);
        await Testing.Database.ScalarAsync<object>(
            $"UPDATE webhooks SET active = false, deactivated_at = now(), deactivation_reason = 'failing', failing_since = now() - interval '4 days' WHERE id = '{id}'");
        (await api.As(owner).GetAsync($"{Hooks}/{id}"))["failing_since"].ShouldNotBeNullOrEmpty();

        var on = await api.As(owner).PatchAsync($"{Hooks}/{id}", new { active = true });

        on.Status.ShouldBe(HttpStatusCode.OK, on.Text);
        on["failing_since"].ShouldBeNull();
        on["deactivation_reason"].ShouldBeNull();
        (await api.As(owner).GetAsync($"{Hooks}/{id}"))["failing_since"].ShouldBeNull();
    }
}
