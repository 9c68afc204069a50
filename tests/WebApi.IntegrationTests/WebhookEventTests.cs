using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Each kind of event, as a real receiver on loopback gets it, from a host whose dispatcher runs.</summary>
public sealed class WebhookEventTests : ApiTest
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
        });

    [OneTimeTearDown]
    public async Task StopHost() => await _factory.DisposeAsync();

    [SetUp]
    public async Task StartReceiver() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    private async Task<(Api Api, Account Owner, Guid Id)> SubscribeAsync(params string[] events)
    {
        var api = new Api(_factory.CreateClient());
        var owner = await api.RegisterAsync();
        var created = await api.As(owner).PostAsync(Hooks, new { url = _receiver.Url, events });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        return (api, owner, Guid.Parse(created["id"]!));
    }

    private async Task<(string Type, JsonNode Body)> NextAsync()
    {
        var hook = await _receiver.NextAsync();
        return (hook.EventType, JsonNode.Parse(hook.Body)!);
    }

    private static JsonNode Object(JsonNode body) => body["data"]!["object"]!;

    private static List<(string?, string?, string?)> Changes(JsonNode body) =>
        body["data"]!["changes"]!.AsArray()
            .Select(c => ((string?)c!["field"], c["from"]?.ToString(), c["to"]?.ToString())).ToList();

    private static Task<long> DeliveriesAsync(Guid webhookId) =>
        Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE webhook_id = '{webhookId}'");

    [Test]
    public async Task A_contact_is_announced_created_updated_with_its_changes_and_deleted_as_it_was()
    {
        var (api, owner, _) = await SubscribeAsync("contact.*");
        var asOwner = api.As(owner);
        var contact = await asOwner.CreateContactAsync("Ada", "ada@example.com");

        (await asOwner.PatchAsync($"/api/v1/contacts/{contact}", new { name = "Ada King", phone = "+44 20 7946 0000" })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.DeleteAsync($"/api/v1/contacts/{contact}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var (created, createdBody) = await NextAsync();
        created.ShouldBe("contact.created");
        ((string?)Object(createdBody)["id"]).ShouldBe(contact.ToString());
        ((string?)Object(createdBody)["email"]).ShouldBe("ada@example.com");
        var (updated, updatedBody) = await NextAsync();
        updated.ShouldBe("contact.updated");
        ((string?)Object(updatedBody)["name"]).ShouldBe("Ada King");
        Changes(updatedBody).ShouldBe([("name", "Ada", "Ada King"), ("phone", null, "+44 20 7946 0000")]);
        var (deleted, deletedBody) = await NextAsync();
        deleted.ShouldBe("contact.deleted");
        ((string?)Object(deletedBody)["name"]).ShouldBe("Ada King");
        ((string?)Object(deletedBody)["phone"]).ShouldBe("+44 20 7946 0000");
    }

    [Test]
    public async Task A_refused_contact_change_sends_nothing()
    {
        var (api, owner, webhookId) = await SubscribeAsync("contact.*");
        var asOwner = api.As(owner);
        await asOwner.CreateContactAsync("Ada", "ada@example.com");
        var other = await asOwner.CreateContactAsync("Grace", "grace@example.com");
        await asOwner.CreateDealAsync(other);
        (await DeliveriesAsync(webhookId)).ShouldBe(2);

        // A second contact with a taken email, taking another's email, deleting a contact that has deals: all refused.
        (await asOwner.PostAsync("/api/v1/contacts", new { name = "Ada again", email = "ada@example.com" })).Status.ShouldBe(HttpStatusCode.Conflict);
        (await asOwner.PatchAsync($"/api/v1/contacts/{other}", new { email = "ada@example.com" })).Status.ShouldBe(HttpStatusCode.Conflict);
        (await asOwner.DeleteAsync($"/api/v1/contacts/{other}")).Status.ShouldBe(HttpStatusCode.Conflict);

        (await DeliveriesAsync(webhookId)).ShouldBe(2);
    }

    [Test]
    public async Task A_task_is_announced_updated_then_completed_and_deleted()
    {
        var (api, owner, _) = await SubscribeAsync("task.updated", "task.completed", "task.deleted");
        var asOwner = api.As(owner);
        var deal = await asOwner.CreateDealAsync();
        var task = await asOwner.CreateTaskAsync(deal, "Call back");

        (await asOwner.PatchAsync($"/api/v1/tasks/{task}", new { title = "Call again", is_done = true })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.DeleteAsync($"/api/v1/tasks/{task}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var (updated, updatedBody) = await NextAsync();
        updated.ShouldBe("task.updated");
        Changes(updatedBody).ShouldBe([("title", "Call back", "Call again"), ("is_done", "false", "true")]);
        ((bool?)Object(updatedBody)["is_done"]).ShouldBe(true);
        (await NextAsync()).Type.ShouldBe("task.completed");
        var (deleted, deletedBody) = await NextAsync();
        deleted.ShouldBe("task.deleted");
        ((string?)Object(deletedBody)["id"]).ShouldBe(task.ToString());
        ((string?)Object(deletedBody)["title"]).ShouldBe("Call again");
    }

    [Test]
    public async Task A_contacts_deletion_announces_its_tasks_deleted_and_the_contact()
    {
        var (api, owner, _) = await SubscribeAsync("task.deleted", "contact.deleted");
        var asOwner = api.As(owner);
        var contact = await asOwner.CreateContactAsync();
        var task = await asOwner.PostAsync("/api/v1/tasks", new { contact_id = contact, title = "Intro call" });
        task.Status.ShouldBe(HttpStatusCode.Created, task.Text);

        (await asOwner.DeleteAsync($"/api/v1/contacts/{contact}")).Status.ShouldBe(HttpStatusCode.NoContent);

        // Deliveries of different records may arrive in either order.
        var received = new[] { await NextAsync(), await NextAsync() }.ToDictionary(r => r.Type, r => r.Body);
        received.Keys.ShouldBe(["task.deleted", "contact.deleted"], ignoreOrder: true);
        ((string?)Object(received["task.deleted"])["id"]).ShouldBe((string?)task.Json["id"]);
        ((string?)Object(received["task.deleted"])["contact_id"]).ShouldBe(contact.ToString());
    }

    [Test]
    public async Task Reassigning_a_task_is_announced_as_task_updated_with_the_assignee_change()
    {
        var (api, owner, _) = await SubscribeAsync("task.updated");
        var asOwner = api.As(owner);
        var colleague = await Team.JoinAsync(api, owner, "member");
        var task = await asOwner.CreateTaskAsync(await asOwner.CreateDealAsync());

        (await asOwner.PatchAsync($"/api/v1/tasks/{task}", new { assignee_id = colleague.UserId })).Status.ShouldBe(HttpStatusCode.OK);

        var (type, body) = await NextAsync();
        type.ShouldBe("task.updated");
        Changes(body).ShouldBe([("assignee_id", owner.UserId.ToString(), colleague.UserId.ToString())]);
        ((string?)Object(body)["assignee_id"]).ShouldBe(colleague.UserId.ToString());
    }

    [Test]
    public async Task Deleting_a_deal_announces_the_deletion_of_each_of_its_tasks_and_a_refused_task_change_sends_nothing()
    {
        var (api, owner, webhookId) = await SubscribeAsync("task.deleted", "deal.deleted", "task.updated");
        var asOwner = api.As(owner);
        var deal = await asOwner.CreateDealAsync(title: "Doomed");
        var first = await asOwner.CreateTaskAsync(deal, "First");
        var second = await asOwner.CreateTaskAsync(deal, "Second");
        (await asOwner.PatchAsync($"/api/v1/tasks/{first}", new { due_date = "2001-01-01" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await DeliveriesAsync(webhookId)).ShouldBe(0);

        (await asOwner.DeleteAsync($"/api/v1/deals/{deal}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var arrived = new[] { await NextAsync(), await NextAsync(), await NextAsync() };
        arrived.Where(a => a.Type == "task.deleted").Select(a => (string?)Object(a.Body)["title"]).OrderBy(t => t).ShouldBe(["First", "Second"]);
        arrived.Where(a => a.Type == "task.deleted").Select(a => (string?)Object(a.Body)["id"]).ShouldBe([first.ToString(), second.ToString()], ignoreOrder: true);
        ((string?)Object(arrived.Single(a => a.Type == "deal.deleted").Body)["title"]).ShouldBe("Doomed");
    }

    [Test]
    public async Task A_comment_is_announced_as_the_timeline_shows_it_and_a_refused_one_sends_nothing()
    {
        var (api, owner, webhookId) = await SubscribeAsync("comment.created");
        var asOwner = api.As(owner);
        var deal = await asOwner.CreateDealAsync();
        (await asOwner.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "stage_changed", payload = new { text = "forged" } }))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await DeliveriesAsync(webhookId)).ShouldBe(0);

        var comment = await asOwner.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "Spoke to them today." } });

        comment.Status.ShouldBe(HttpStatusCode.Created, comment.Text);
        var (type, body) = await NextAsync();
        type.ShouldBe("comment.created");
        ((string?)Object(body)["id"]).ShouldBe(comment["id"]);
        ((string?)Object(body)["deal_id"]).ShouldBe(deal.ToString());
        ((string?)Object(body)["type"]).ShouldBe("comment");
        ((string?)Object(body)["payload"]!["text"]).ShouldBe("Spoke to them today.");
        ((string?)body["actor"]!["id"]).ShouldBe(owner.UserId.ToString());
    }

    [Test]
    public async Task Logged_activities_are_announced_when_logged_edited_and_deleted()
    {
        var (api, owner, webhookId) = await SubscribeAsync("activity.*");
        var asOwner = api.As(owner);
        var contact = await asOwner.CreateContactAsync();
        (await DeliveriesAsync(webhookId)).ShouldBe(0);

        var call = await asOwner.PostAsync("/api/v1/activities", new { type = "call", body = "Agreed.", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact });
        var (created, createdBody) = await NextAsync();
        (await asOwner.PatchAsync($"/api/v1/activities/{call["id"]}", new { outcome = "busy" })).Status.ShouldBe(HttpStatusCode.OK);
        var (updated, updatedBody) = await NextAsync();
        (await asOwner.DeleteAsync($"/api/v1/activities/{call["id"]}")).Status.ShouldBe(HttpStatusCode.NoContent);
        var (deleted, deletedBody) = await NextAsync();

        created.ShouldBe("activity.created");
        ((string?)Object(createdBody)["id"]).ShouldBe(call["id"]);
        ((string?)Object(createdBody)["contact_id"]).ShouldBe(contact.ToString());
        updated.ShouldBe("activity.updated");
        ((string?)Object(updatedBody)["outcome"]).ShouldBe("busy");
        deleted.ShouldBe("activity.deleted");
        ((string?)Object(deletedBody)["body"]).ShouldBe("Agreed.");
        ((string?)deletedBody["actor"]!["id"]).ShouldBe(owner.UserId.ToString());
    }

    [Test]
    public async Task Members_joining_leaving_and_removed_are_announced_as_the_member_list_shows_them()
    {
        var (api, owner, webhookId) = await SubscribeAsync("member.*");
        var members = $"/api/v1/organizations/{owner.OrganizationId}/members";

        var joined = await Team.JoinAsync(api, owner, "manager");

        var (added, addedBody) = await NextAsync();
        added.ShouldBe("member.added");
        var listed = (await api.As(owner).GetAsync(members)).Json["items"]!.AsArray().Single(m => (string?)m!["user_id"] == joined.UserId.ToString())!;
        Object(addedBody).ToJsonString().ShouldBe(listed.ToJsonString());
        ((string?)addedBody["actor"]!["id"]).ShouldBe(joined.UserId.ToString());

        // The last owner cannot leave: refused, nothing sent.
        (await api.As(owner).DeleteAsync($"{members}/{owner.UserId}")).Status.ShouldBe(HttpStatusCode.Conflict);
        var before = await DeliveriesAsync(webhookId);

        (await api.As(joined, owner.OrganizationId).DeleteAsync($"{members}/{joined.UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);
        var other = await Team.JoinAsync(api, owner, "member");
        (await api.As(owner).DeleteAsync($"{members}/{other.UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);

        before.ShouldBe(1);
        var arrived = new[] { await NextAsync(), await NextAsync(), await NextAsync() };
        arrived.Select(a => a.Type).ShouldBe(["member.removed", "member.added", "member.removed"], ignoreOrder: true);
        var removals = arrived.Where(a => a.Type == "member.removed").ToDictionary(a => (string)Object(a.Body)["user_id"]!, a => a.Body);
        var leftBody = removals[joined.UserId.ToString()];
        Object(leftBody).ToJsonString().ShouldBe(listed.ToJsonString());
        ((string?)leftBody["actor"]!["id"]).ShouldBe(joined.UserId.ToString());
        var removedBody = removals[other.UserId.ToString()];
        ((string?)Object(removedBody)["role"]).ShouldBe("member");
        ((string?)removedBody["actor"]!["id"]).ShouldBe(owner.UserId.ToString());
    }

    [Test]
    public async Task The_events_of_one_change_are_queued_in_the_order_they_happened()
    {
        var (api, owner, webhookId) = await SubscribeAsync("task.updated", "task.completed");
        var asOwner = api.As(owner);
        var deal = await asOwner.CreateDealAsync();
        var tasks = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            tasks.Add(await asOwner.CreateTaskAsync(deal, $"Task {i}"));
        }

        // Each save queues task.updated then task.completed, usually within one millisecond.
        foreach (var task in tasks)
        {
            (await asOwner.PatchAsync($"/api/v1/tasks/{task}", new { is_done = true })).Status.ShouldBe(HttpStatusCode.OK);
        }

        (await Testing.Database.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM webhook_deliveries u JOIN webhook_deliveries c ON c.record_id = u.record_id AND c.webhook_id = u.webhook_id
             WHERE u.webhook_id = '{webhookId}' AND u.event_type = 'task.updated' AND c.event_type = 'task.completed' AND u.sequence < c.sequence
            """)).ShouldBe(20);
    }

    [Test]
    public async Task A_company_is_announced_created_updated_with_its_changes_and_deleted_and_a_detach_updates_its_contacts()
    {
        var (api, owner, _) = await SubscribeAsync("company.*", "contact.updated");
        var asOwner = api.As(owner);
        var created = await asOwner.PostAsync("/api/v1/companies", new { name = "Acme", domain = "https://www.acme.com" });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var company = created["id"]!;
        var contact = await asOwner.PostAsync("/api/v1/contacts", new { name = "Ada", company_id = company });
        contact.Status.ShouldBe(HttpStatusCode.Created, contact.Text);

        (await asOwner.PatchAsync($"/api/v1/companies/{company}", new { name = "Acme Corp", employee_count = 12 })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.DeleteAsync($"/api/v1/companies/{company}?detach=true")).Status.ShouldBe(HttpStatusCode.NoContent);

        // One record's events keep their order; the contact's may come between the company's.
        var events = new List<(string Type, JsonNode Body)>();
        for (var i = 0; i < 4; i++)
        {
            events.Add(await NextAsync());
        }

        events.Where(e => e.Type.StartsWith("company.", StringComparison.Ordinal)).Select(e => e.Type)
            .ShouldBe(["company.created", "company.updated", "company.deleted"]);
        var byType = events.ToDictionary(e => e.Type, e => e.Body);
        ((string?)Object(byType["company.created"])["domain"]).ShouldBe("acme.com");
        Changes(byType["company.updated"]).ShouldBe([("name", "Acme", "Acme Corp"), ("employee_count", null, "12")]);
        ((string?)Object(byType["contact.updated"])["id"]).ShouldBe(contact["id"]);
        Changes(byType["contact.updated"]).ShouldBe([("company_id", company, null)]);
        ((string?)Object(byType["company.deleted"])["name"]).ShouldBe("Acme Corp");
    }

    [Test]
    public async Task Tag_changes_are_in_the_changes_of_contact_company_and_deal_updates_and_the_objects_carry_the_tags()
    {
        var (api, owner, _) = await SubscribeAsync("contact.updated", "company.updated", "deal.updated");
        var asOwner = api.As(owner);
        var contact = await asOwner.CreateContactAsync("Ada");
        var company = (await asOwner.PostAsync("/api/v1/companies", new { name = "Acme", tags = new[] { "smb" } })).Json["id"]!;
        var deal = await asOwner.CreateDealAsync(contact);

        (await asOwner.PatchAsync($"/api/v1/contacts/{contact}", new { tags = new[] { "vip" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.PatchAsync($"/api/v1/companies/{company}", new { tags = new[] { "SMB", "partner" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.PatchAsync($"/api/v1/deals/{deal}", new { tags = new[] { "q4" } })).Status.ShouldBe(HttpStatusCode.OK);

        var events = new Dictionary<string, JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            var (type, body) = await NextAsync();
            events.Add(type, body);
        }

        foreach (var (type, from, to) in new[]
        {
            ("contact.updated", Array.Empty<string>(), new[] { "vip" }),
            ("company.updated", ["smb"], ["SMB", "partner"]),
            ("deal.updated", [], ["q4"]),
        })
        {
            var change = events[type]["data"]!["changes"]!.AsArray().Single()!;
            ((string?)change["field"]).ShouldBe("tags", type);
            change["from"]!.AsArray().Select(t => (string?)t).ShouldBe(from, type);
            change["to"]!.AsArray().Select(t => (string?)t).ShouldBe(to, type);
            Object(events[type])["tags"]!.AsArray().Select(t => (string?)t).ShouldBe(to, type);
        }
    }

    [Test]
    public async Task Custom_field_changes_are_typed_in_the_changes_of_updates_and_the_objects_carry_the_values()
    {
        var (api, owner, _) = await SubscribeAsync("contact.updated", "deal.updated");
        var asOwner = api.As(owner);
        (await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "seats", label = "Seats", type = "number" })).Status.ShouldBe(HttpStatusCode.Created);
        (await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "deal", key = "regions", label = "Regions", type = "multi_select", options = new[] { "eu", "us" } })).Status.ShouldBe(HttpStatusCode.Created);
        var contact = await asOwner.CreateContactAsync("Ada");
        var deal = await asOwner.CreateDealAsync(contact);

        (await asOwner.PatchAsync($"/api/v1/contacts/{contact}", new { custom_fields = new { seats = 12.5 } })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.PatchAsync($"/api/v1/deals/{deal}", new { custom_fields = new { regions = new[] { "us", "eu" } } })).Status.ShouldBe(HttpStatusCode.OK);

        var events = new Dictionary<string, JsonNode>();
        for (var i = 0; i < 2; i++)
        {
            var (type, body) = await NextAsync();
            events.Add(type, body);
        }

        var seats = events["contact.updated"]["data"]!["changes"]!.AsArray().Single()!;
        ((string?)seats["field"]).ShouldBe("custom_fields.seats");
        seats["from"].ShouldBeNull();
        ((decimal?)seats["to"]).ShouldBe(12.5m);
        ((decimal?)Object(events["contact.updated"])["custom_fields"]!["seats"]).ShouldBe(12.5m);
        var regions = events["deal.updated"]["data"]!["changes"]!.AsArray().Single()!;
        ((string?)regions["field"]).ShouldBe("custom_fields.regions");
        regions["to"]!.AsArray().Select(r => (string?)r).ShouldBe(["us", "eu"]);
        Object(events["deal.updated"])["custom_fields"]!["regions"]!.AsArray().Select(r => (string?)r).ShouldBe(["us", "eu"]);
    }
}
