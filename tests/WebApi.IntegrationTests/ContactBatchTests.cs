using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ContactBatchTests : ApiTest
{
    [Test]
    public async Task A_batch_creates_updates_and_leaves_unchanged_by_external_id_and_a_bad_item_fails_alone()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var existing = (string)(await api.PostAsync("/api/v1/contacts", new { name = "Grace", external_id = "sf-1" })).Json["id"]!;
        var same = (string)(await api.PostAsync("/api/v1/contacts", new { name = "Ada", external_id = "sf-2" })).Json["id"]!;

        var reply = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { external_id = "sf-1", name = "Grace Hopper", email = "grace@example.com" },
                new { external_id = "sf-2", name = "Ada" },
                new { external_id = "sf-3", name = "Katherine" },
                new { external_id = "sf-4", name = "Broken", email = "not-an-email" },
            },
        });

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var items = Items(reply);
        items.Select(i => (string?)i["status"]).ShouldBe(["updated", "unchanged", "created", "failed"]);
        items.Select(i => (int)i["index"]!).ShouldBe([0, 1, 2, 3]);
        ((string?)items[0]["id"]).ShouldBe(existing);
        ((string?)items[1]["id"]).ShouldBe(same);
        ((string?)items[3]["code"]).ShouldBe("validation_failed");
        ((string?)items[3]["detail"]).ShouldNotBeNull().ShouldContain("email");
        reply.Json["counts"]!.ToJsonString().ShouldBe("""{"created":1,"updated":1,"unchanged":1,"failed":1}""");
        ((string?)(await api.GetAsync($"/api/v1/contacts/{existing}")).Json["email"]).ShouldBe("grace@example.com");
        (await api.GetAsync("/api/v1/contacts?external_id=sf-4")).Json["items"]!.AsArray().ShouldBeEmpty();
        var audit = await api.GetAsync("/api/v1/audit-logs?page_size=100");
        audit.Json["items"]!.AsArray().Select(a => (string?)a!["action"]).Where(a => a != null && a.EndsWith("_contact", StringComparison.Ordinal))
            .ShouldBe(["create_contact", "update_contact", "create_contact", "create_contact"], ignoreOrder: true);
    }

    [Test]
    public async Task An_item_whose_key_an_earlier_item_wrote_finds_that_record_as_the_earlier_item_left_it()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        (await api.PostAsync("/api/v1/contacts", new { name = "Grace", email = "grace@example.com" })).Status.ShouldBe(HttpStatusCode.Created);

        var reply = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "email",
            items = new object[]
            {
                new { email = "ada@example.com", name = "Ada" },
                new { email = "ADA@example.com", name = "Ada King" },
                new { email = "ADA@example.com", name = "Ada King" },
                new { email = "GRACE@example.com", name = "Grace Hopper" },
                new { email = "GRACE@example.com", name = "Grace Hopper" },
            },
        });

        Items(reply).Select(i => (string?)i["status"]).ShouldBe(["created", "updated", "unchanged", "updated", "unchanged"]);
        var ada = (await api.GetAsync("/api/v1/contacts?search=Ada")).Json["items"]!.AsArray();
        ada.Select(c => (string?)c!["name"]).ShouldBe(["Ada King"]);
    }

    [Test]
    public async Task A_batch_matches_on_email_regardless_of_case_and_refuses_items_without_the_key()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var existing = (string)(await api.PostAsync("/api/v1/contacts", new { name = "Grace", email = "grace@example.com" })).Json["id"]!;

        var reply = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "email",
            items = new object[] { new { email = "GRACE@example.com", phone = "+1 202 555 0143" }, new { name = "No email" } },
        });

        var items = Items(reply);
        ((string?)items[0]["status"]).ShouldBe("updated");
        ((string?)items[0]["id"]).ShouldBe(existing);
        ((string?)items[1]["status"]).ShouldBe("failed");
        ((string?)items[1]["code"]).ShouldBe("batch_match_key_missing");
    }

    [Test]
    public async Task Without_match_on_every_item_is_created_and_a_duplicate_email_fails_alone()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await api.PostAsync("/api/v1/contacts/batch", new
        {
            items = new object[] { new { name = "A", email = "a@example.com" }, new { name = "B", email = "a@example.com" }, new { name = "C" } },
        });

        Items(reply).Select(i => (string?)i["status"]).ShouldBe(["created", "failed", "created"]);
        ((string?)Items(reply)[1]["code"]).ShouldBe("contact_email_taken");
    }

    [Test]
    public async Task A_member_batch_updates_only_its_own_contacts()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await api.As(team.Manager).PostAsync("/api/v1/contacts", new { name = "Managers", external_id = "m-1" });

        var reply = await api.As(team.Member).PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[] { new { external_id = "m-1", name = "Taken over" }, new { external_id = "m-2", name = "Mine" } },
        });

        var items = Items(reply);
        ((string?)items[0]["status"]).ShouldBe("failed");
        ((string?)items[0]["code"]).ShouldBe("not_record_owner");
        ((string?)items[1]["status"]).ShouldBe("created");
        ((string?)(await api.As(team.Manager).GetAsync("/api/v1/contacts?external_id=m-1")).Json["items"]![0]!["name"]).ShouldBe("Managers");
    }

    [TestCase(0)]
    [TestCase(501)]
    public async Task A_batch_holds_1_to_500_items(int count)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await api.PostAsync("/api/v1/contacts/batch", new { items = Enumerable.Range(0, count).Select(i => new { name = $"C{i}" }).ToArray() });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("items").ShouldNotBeEmpty();
        (await api.GetAsync("/api/v1/contacts")).Json["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Test]
    public async Task Two_parallel_batches_with_overlapping_external_ids_create_each_contact_once()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        // Both start on the same ids at the same time, so most items race for their external id.
        object Batch(int count) => new
        {
            match_on = "external_id",
            items = Enumerable.Range(0, count).Select(i => new { external_id = $"x-{i}", name = $"Contact {i}" }).ToArray(),
        };

        var replies = await Task.WhenAll(api.PostAsync("/api/v1/contacts/batch", Batch(30)), api.PostAsync("/api/v1/contacts/batch", Batch(40)));

        foreach (var reply in replies)
        {
            reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
            Items(reply).ShouldAllBe(i => (string?)i["status"] != "failed", reply.Text);
        }

        var all = await api.GetAsync("/api/v1/contacts?page_size=100");
        all.Json["total"]!.GetValue<int>().ShouldBe(40);
        all.Json["items"]!.AsArray().Select(c => (string?)c!["external_id"]).Distinct().Count().ShouldBe(40);
        replies.Sum(r => r.Json["counts"]!["created"]!.GetValue<int>()).ShouldBe(40);
    }

    private static List<JsonNode> Items(Reply reply)
    {
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json["items"]!.AsArray().Select(i => i!).ToList();
    }
}
