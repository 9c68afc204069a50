using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Deliveries to a real receiver on loopback, by a host whose dispatcher runs and may call private addresses.</summary>
public sealed class WebhookDeliveryTests : ApiTest
{
    private const string Hooks = "/api/v1/webhooks";
    private CrmApiFactory _factory = null!;
    private WebhookReceiver _receiver = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new CrmApiFactory(
        Testing.Database.ConnectionString,
        settings: new Dictionary<string, string?>
        {
            ["Webhooks:Dispatch"] = "true",
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:AllowInsecure"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.050",
            ["Webhooks:FirstRetryDelay"] = "00:00:00.100",
            ["Webhooks:MaxRetryDelay"] = "00:00:00.500",

            // Emails from this host reach the SMTP server the tests run (maildev).
            ["Email:Transport"] = "smtp",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = TestServers.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:PollInterval"] = "00:00:00.050",
        });

    [OneTimeTearDown]
    public async Task StopHost() => await _factory.DisposeAsync();

    [SetUp]
    public async Task StartReceiver() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    private Api NewHostApi() => new(_factory.CreateClient());

    private async Task<(Api Api, Account Owner, Guid Id, string Secret)> SubscribeAsync(params string[] events)
    {
        var api = NewHostApi();
        var owner = await api.RegisterAsync();
        var created = await api.As(owner).PostAsync(Hooks, new { url = _receiver.Url, events });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        return (api, owner, Guid.Parse(created["id"]!), created["secret"]!);
    }

    /// <summary>Waits until the query answers true; fails the test if it never does within a generous bound.</summary>
    private static async Task UntilAsync(string sql)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await Testing.Database.ScalarAsync<bool>(sql))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Never true: {sql}");
    }

    [Test]
    public async Task A_committed_change_reaches_the_receiver_signed_with_the_event_and_the_record()
    {
        var (api, owner, webhookId, secret) = await SubscribeAsync("deal.*");
        var asOwner = api.As(owner);
        var contact = await asOwner.CreateContactAsync();

        var deal = await asOwner.CreateDealAsync(contact, title: "Compiler licences", amount: 100m);

        var hook = await _receiver.NextAsync();
        hook.EventType.ShouldBe("deal.created");
        hook.IsSignedWith(secret).ShouldBeTrue(hook.Signature);
        hook.IsSignedWith("whsec_someone-else").ShouldBeFalse();
        var body = JsonNode.Parse(hook.Body)!;
        ((string?)body["id"]).ShouldBe(hook.EventId);
        ((string?)body["type"]).ShouldBe("deal.created");
        ((string?)body["organization_id"]).ShouldBe(owner.OrganizationId.ToString());
        ((string?)body["actor"]!["type"]).ShouldBe("user");
        ((string?)body["actor"]!["id"]).ShouldBe(owner.UserId.ToString());
        ((string?)body["data"]!["object"]!["id"]).ShouldBe(deal.ToString());
        ((string?)body["data"]!["object"]!["title"]).ShouldBe("Compiler licences");
        ((string?)body["data"]!["object"]!["status"]).ShouldBe("new");
        long.Parse(hook.Timestamp).ShouldBeGreaterThan(0);
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_id = '{webhookId}' AND status = 'succeeded' AND attempts = 1 AND last_status_code = 200)");
    }

    [Test]
    public async Task Winning_a_deal_sends_its_status_change_and_the_win_in_order_and_a_contact_change_is_not_subscribed()
    {
        var (api, owner, _, _) = await SubscribeAsync("deal.status_changed", "deal.won");
        var asOwner = api.As(owner);
        var deal = await asOwner.CreateDealAsync(amount: 100m);

        (await asOwner.PatchDealAsync(deal, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);

        var first = await _receiver.NextAsync();
        var second = await _receiver.NextAsync();
        first.EventType.ShouldBe("deal.status_changed");
        second.EventType.ShouldBe("deal.won");
        var changes = JsonNode.Parse(second.Body)!["data"]!["changes"]!.AsArray().Single()!;
        ((string?)changes["field"]).ShouldBe("status");
        ((string?)changes["from"]).ShouldBe("new");
        ((string?)changes["to"]).ShouldBe("won");
    }

    [Test]
    public async Task A_refused_change_sends_nothing()
    {
        var (api, owner, webhookId, _) = await SubscribeAsync("deal.*");
        var asOwner = api.As(owner);
        var deal = await asOwner.CreateDealAsync();
        (await _receiver.NextAsync()).EventType.ShouldBe("deal.created");

        // Winning needs an amount: the change is refused and nothing of it is written.
        (await asOwner.PatchDealAsync(deal, new { status = "won" })).Status.ShouldBe(HttpStatusCode.BadRequest);

        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE webhook_id = '{webhookId}'")).ShouldBe(1);
    }

    [Test]
    public async Task A_failing_receiver_gets_the_same_event_again_until_it_accepts_it()
    {
        _receiver.Answers.Enqueue(500);
        _receiver.Answers.Enqueue(503);
        var (api, owner, webhookId, _) = await SubscribeAsync("deal.created");

        await api.As(owner).CreateDealAsync();

        var tries = new[] { await _receiver.NextAsync(), await _receiver.NextAsync(), await _receiver.NextAsync() };
        tries.Select(t => t.EventId).Distinct().Count().ShouldBe(1);
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_id = '{webhookId}' AND status = 'succeeded' AND attempts = 3)");
    }

    [Test]
    public async Task A_client_error_fails_the_delivery_without_retry()
    {
        _receiver.Answers.Enqueue(400);
        var (api, owner, webhookId, _) = await SubscribeAsync("deal.created");

        await api.As(owner).CreateDealAsync();

        (await _receiver.NextAsync()).EventType.ShouldBe("deal.created");
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_id = '{webhookId}' AND status = 'failed' AND attempts = 1 AND last_status_code = 400)");
        (await api.As(owner).GetAsync($"{Hooks}/{webhookId}"))["active"].ShouldBe("true");
    }

    [Test]
    public async Task Gone_turns_the_webhook_off()
    {
        _receiver.Answers.Enqueue(410);
        var (api, owner, webhookId, _) = await SubscribeAsync("deal.created");

        await api.As(owner).CreateDealAsync();

        (await _receiver.NextAsync()).EventType.ShouldBe("deal.created");
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = '{webhookId}' AND NOT active)");
        var webhook = await api.As(owner).GetAsync($"{Hooks}/{webhookId}");
        webhook["active"].ShouldBe("false");
        webhook["deactivation_reason"].ShouldNotBeNullOrEmpty();
        await api.As(owner).CreateDealAsync();
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE webhook_id = '{webhookId}'")).ShouldBe(1);
    }

    [Test]
    public async Task During_a_rotation_both_secrets_sign()
    {
        var (api, owner, webhookId, first) = await SubscribeAsync("deal.created");
        var second = (await api.As(owner).PostAsync($"{Hooks}/{webhookId}/rotate-secret"))["secret"]!;

        await api.As(owner).CreateDealAsync();

        var hook = await _receiver.NextAsync();
        hook.Signature.Split(',').Length.ShouldBe(2);
        hook.IsSignedWith(first).ShouldBeTrue();
        hook.IsSignedWith(second).ShouldBeTrue();
        hook.Signature.Split(',')[0].ShouldNotBe(hook.Signature.Split(',')[1]);
    }

    [Test]
    public async Task A_ping_arrives_is_logged_and_can_be_delivered_again_with_the_same_event_id()
    {
        _receiver.Answers.Enqueue(404);
        var (api, owner, webhookId, secret) = await SubscribeAsync("deal.won");
        var asOwner = api.As(owner);

        var ping = await asOwner.PostAsync($"{Hooks}/{webhookId}/ping");

        ping.Status.ShouldBe(HttpStatusCode.Accepted, ping.Text);
        var hook = await _receiver.NextAsync();
        hook.EventType.ShouldBe("ping");
        hook.IsSignedWith(secret).ShouldBeTrue();
        hook.EventId.ShouldBe(ping["event_id"]);
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = '{ping["id"]}' AND status = 'failed')");
        var logged = await asOwner.GetAsync($"{Hooks}/{webhookId}/deliveries/{ping["id"]}");
        logged.Status.ShouldBe(HttpStatusCode.OK, logged.Text);
        logged["status"].ShouldBe("failed");
        logged["last_status_code"].ShouldBe("404");
        logged["response_body"].ShouldBe("received");
        logged["request_body"].ShouldBe(hook.Body);

        var again = await asOwner.PostAsync($"{Hooks}/{webhookId}/deliveries/{ping["id"]}/redeliver");

        again.Status.ShouldBe(HttpStatusCode.Accepted, again.Text);
        again["id"].ShouldNotBe(ping["id"]);
        var second = await _receiver.NextAsync();
        second.EventId.ShouldBe(hook.EventId);
        second.Body.ShouldBe(hook.Body);
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = '{again["id"]}' AND status = 'succeeded')");
        var list = await asOwner.GetAsync($"{Hooks}/{webhookId}/deliveries?page_size=1");
        list.Status.ShouldBe(HttpStatusCode.OK, list.Text);
        ((string?)list.Json["items"]![0]!["id"]).ShouldBe(again["id"]);
        var next = await asOwner.GetAsync($"{Hooks}/{webhookId}/deliveries?page_size=1&cursor={Uri.EscapeDataString((string)list.Json["next_cursor"]!)}");
        next.Status.ShouldBe(HttpStatusCode.OK, next.Text);
        ((string?)next.Json["items"]![0]!["id"]).ShouldBe(ping["id"]);
        var failed = await asOwner.GetAsync($"{Hooks}/{webhookId}/deliveries?status=failed");
        failed.Json["items"]!.AsArray().Select(i => (string?)i!["id"]).ShouldBe([ping["id"]]);
    }

    [Test]
    public async Task Deliveries_of_another_organization_are_not_found()
    {
        var (api, owner, webhookId, _) = await SubscribeAsync("*");
        var ping = await api.As(owner).PostAsync($"{Hooks}/{webhookId}/ping");
        var stranger = await api.RegisterAsync();

        (await api.As(stranger).GetAsync($"{Hooks}/{webhookId}/deliveries")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await api.As(stranger).GetAsync($"{Hooks}/{webhookId}/deliveries/{ping["id"]}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await api.As(stranger).PostAsync($"{Hooks}/{webhookId}/deliveries/{ping["id"]}/redeliver")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await api.As(stranger).PostAsync($"{Hooks}/{webhookId}/ping")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_not_found");
        (await api.As(owner).GetAsync($"{Hooks}/{webhookId}/deliveries/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook_delivery_not_found");
    }

    [Test]
    public async Task An_inactive_webhook_is_not_pinged()
    {
        var (api, owner, webhookId, _) = await SubscribeAsync("*");
        (await api.As(owner).PatchAsync($"{Hooks}/{webhookId}", new { active = false })).Status.ShouldBe(HttpStatusCode.OK);

        (await api.As(owner).PostAsync($"{Hooks}/{webhookId}/ping")).ShouldBeProblem(HttpStatusCode.Conflict, "webhook_inactive");
    }

    [Test]
    public async Task A_change_committed_on_an_instance_wakes_its_dispatcher_without_waiting_for_the_next_poll()
    {
        await using var host = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Webhooks:Dispatch"] = "true",
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:AllowInsecure"] = "true",
            ["Webhooks:PollInterval"] = "01:00:00",
        });
        using var client = host.CreateClient();
        var api = new Api(client);
        var owner = await api.RegisterAsync();
        var created = await api.As(owner).PostAsync(Hooks, new { url = _receiver.Url, events = new[] { "contact.created" } });
        await Task.Delay(200); // the dispatcher's first round, at start, is over: only a wake-up sends what follows

        var contact = await api.As(owner).CreateContactAsync();

        var received = await _receiver.NextAsync();
        received.EventType.ShouldBe("contact.created");
        received.IsSignedWith(created["secret"]!).ShouldBeTrue();
        JsonNode.Parse(received.Body)!["data"]!["object"]!["id"]!.GetValue<string>().ShouldBe(contact.ToString());
    }

    [Test]
    public async Task Two_instances_send_each_delivery_exactly_once()
    {
        await using var second = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Webhooks:Dispatch"] = "true",
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:AllowInsecure"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.020",
            ["Webhooks:BatchSize"] = "3",
        });
        using var secondClient = second.CreateClient();
        var (api, owner, webhookId, _) = await SubscribeAsync("*");

        // Writes from both hosts at once: each host's dispatcher competes for every delivery.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? api : new Api(secondClient)).As(owner).PostAsync($"{Hooks}/{webhookId}/ping")));

        await UntilAsync($"SELECT NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_id = '{webhookId}' AND status <> 'succeeded')");
        var arrived = _receiver.Drain();
        arrived.Count.ShouldBe(40);
        arrived.Select(a => a.EventId).Distinct().Count().ShouldBe(40);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE webhook_id = '{webhookId}' AND attempts = 1")).ShouldBe(40);
    }

    [Test]
    public async Task A_webhook_failing_for_the_whole_retry_period_is_turned_off_and_its_owners_and_admins_are_emailed_once()
    {
        var api = NewHostApi();
        var organization = $"Failing {Guid.NewGuid():N}";
        var team = await Team.CreateAsync(api, organization);
        for (var i = 0; i < 1000; i++)
        {
            _receiver.Answers.Enqueue(503);
        }

        var created = await api.As(team.Owner).PostAsync(Hooks, new { url = _receiver.Url, events = new[] { "deal.created" } });
        var webhookId = Guid.Parse(created["id"]!);

        // Several records, so that several deliveries fail at once (the dispatcher sends a batch in parallel): the
        // webhook is still turned off once, and each administrator emailed once.
        for (var i = 0; i < 6; i++)
        {
            await api.As(team.Owner).CreateDealAsync();
        }

        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = '{webhookId}' AND failing_since IS NOT NULL)");
        (await api.As(team.Owner).GetAsync($"{Hooks}/{webhookId}"))["failing_since"].ShouldNotBeNullOrEmpty();
        (await api.As(team.Owner).GetAsync($"{Hooks}/{webhookId}"))["active"].ShouldBe("true");

        // Three days of failures, without waiting for them: the next failed attempt finds the webhook failing for long enough.
        await Testing.Database.ScalarAsync<object>($"UPDATE webhooks SET failing_since = now() - interval '3 days 1 minute' WHERE id = '{webhookId}'");

        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = '{webhookId}' AND NOT active)");
        var webhook = await api.As(team.Owner).GetAsync($"{Hooks}/{webhookId}");
        webhook["active"].ShouldBe("false");
        webhook["deactivation_reason"]!.ShouldContain("retry period");
        await UntilAsync($"SELECT NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_id = '{webhookId}' AND status IN ('pending', 'sending'))");
        await UntilAsync(
            $"SELECT count(*) = 2 AND bool_and(status = 'sent') FROM outbox_messages WHERE template = 'webhook_deactivated' AND organization_id = '{team.OrganizationId}'");
        (await Testing.Database.ScalarAsync<string>(
                $"SELECT string_agg(recipient, ',' ORDER BY recipient) FROM outbox_messages WHERE template = 'webhook_deactivated' AND organization_id = '{team.OrganizationId}'"))
            .ShouldBe(string.Join(',', new[] { team.Owner.Email, team.Admin.Email }.Order(StringComparer.Ordinal)));

        // Sent by whichever host's email dispatcher claimed it: this one's goes to maildev, the shared test host's to files.
        var subject = $"A webhook of {organization} was turned off";
        using var http = new HttpClient();
        var mailed = (await http.GetFromJsonAsync<JsonArray>($"{TestServers.MaildevUrl}/email"))!
            .Where(m => (string?)m!["subject"] == subject)
            .Select(m => (string)m!["to"]![0]!["address"]!)
            .Concat((Directory.Exists(Testing.Factory.MailFolder) ? Directory.GetFiles(Testing.Factory.MailFolder, "*.eml") : []).Select(File.ReadAllText)
                .Where(f => f.Contains(subject, StringComparison.Ordinal))
                .Select(f => new[] { team.Owner.Email, team.Admin.Email }.Single(e => f.Contains(e, StringComparison.OrdinalIgnoreCase))))
            .Order(StringComparer.Ordinal)
            .ToList();
        mailed.ShouldBe(new[] { team.Owner.Email, team.Admin.Email }.Order(StringComparer.Ordinal).ToList());
    }

    [Test]
    public async Task A_success_ends_a_run_of_failures()
    {
        _receiver.Answers.Enqueue(400);
        var (api, owner, webhookId, _) = await SubscribeAsync("deal.created");
        await api.As(owner).CreateDealAsync();
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = '{webhookId}' AND failing_since IS NOT NULL)");

        (await api.As(owner).PostAsync($"{Hooks}/{webhookId}/ping")).Status.ShouldBe(HttpStatusCode.Accepted);

        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE webhook_id = '{webhookId}' AND event_type = 'ping' AND status = 'succeeded')");
        await UntilAsync($"SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = '{webhookId}' AND failing_since IS NULL AND active)");
    }
}
