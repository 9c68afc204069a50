using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class DealBatchTests : ApiTest
{
    [Test]
    public async Task Cached_analytics_read_before_a_batch_are_fresh_after_it()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var before = (await api.GetAsync("/api/v1/analytics/deals/summary")).Json;
        ((int?)before["by_status"]!["new"]!["count"]).ShouldBe(0);

        var reply = await api.PostAsync("/api/v1/deals/batch", new
        {
            items = new object[] { new { contact_id = contact, title = "One" }, new { contact_id = contact, title = "Two" } },
        });
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);

        var after = (await api.GetAsync("/api/v1/analytics/deals/summary")).Json;
        ((int?)after["by_status"]!["new"]!["count"]).ShouldBe(2);
    }

    [Test]
    public async Task A_deal_batch_opens_changes_and_leaves_unchanged_by_external_id_with_the_usual_timeline()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var existing = (string)(await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Old", external_id = "d-1" })).Json["id"]!;
        var same = (string)(await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Same", external_id = "d-2" })).Json["id"]!;

        var reply = await api.PostAsync("/api/v1/deals/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { external_id = "d-1", title = "Renamed", amount = 100m },
                new { external_id = "d-2", title = "Same" },
                new { external_id = "d-3", contact_id = contact, title = "New" },
                new { external_id = "d-4", contact_id = Guid.NewGuid(), title = "Nobody's" },
                new { external_id = "d-1", status = "won" },
            },
        });

        var items = Items(reply);
        items.Select(i => (string?)i["status"]).ShouldBe(["updated", "unchanged", "created", "failed", "updated"]);
        ((string?)items[0]["id"]).ShouldBe(existing);
        ((string?)items[1]["id"]).ShouldBe(same);
        ((string?)items[3]["code"]).ShouldBe("contact_not_found");
        var deal = (await api.GetAsync($"/api/v1/deals/{existing}")).Json;
        ((string?)deal["title"]).ShouldBe("Renamed");
        ((string?)deal["status"]).ShouldBe("won");
        var timeline = await api.TimelineAsync(Guid.Parse(existing));
        timeline.ShouldContain("deal_updated");
        timeline.ShouldContain("status_changed");
    }

    [Test]
    public async Task A_new_deal_item_that_sends_a_status_is_opened_then_moved_to_it()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();

        var items = Items(await api.PostAsync("/api/v1/deals/batch", new
        {
            items = new object[] { new { contact_id = contact, title = "Won at once", amount = 10m, status = "won" } },
        }));

        ((string?)items[0]["status"]).ShouldBe("created");
        ((string?)(await api.GetAsync($"/api/v1/deals/{(string)items[0]["id"]!}")).Json["status"]).ShouldBe("won");
    }

    [Test]
    public async Task Two_parallel_deal_batches_with_overlapping_external_ids_open_each_deal_once()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        object Batch(int count) => new
        {
            match_on = "external_id",
            items = Enumerable.Range(0, count).Select(i => new { external_id = $"d-{i}", contact_id = contact, title = $"Deal {i}" }).ToArray(),
        };

        var replies = await Task.WhenAll(api.PostAsync("/api/v1/deals/batch", Batch(20)), api.PostAsync("/api/v1/deals/batch", Batch(25)));

        foreach (var reply in replies)
        {
            Items(reply).ShouldAllBe(i => (string?)i["status"] != "failed", reply.Text);
        }

        (await api.GetAsync("/api/v1/deals?page_size=100")).Json["total"]!.GetValue<int>().ShouldBe(25);
    }

    private static List<JsonNode> Items(Reply reply)
    {
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json["items"]!.AsArray().Select(i => i!).ToList();
    }
}
