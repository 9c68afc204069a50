using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary><c>tags</c> on contacts, companies and deals, the <c>tag</c> filters and <c>GET /api/v1/tags</c>.</summary>
public sealed class TagTests : ApiTest
{
    private static readonly string[] Paths = ["/api/v1/contacts", "/api/v1/companies", "/api/v1/deals"];

    private static List<string?> TagsOf(JsonNode? record) => record!["tags"]!.AsArray().Select(t => (string?)t).ToList();

    private static List<string?> Ids(Reply reply) => reply.Json["items"]!.AsArray().Select(i => (string?)i!["id"]).ToList();

    private static List<(string? Name, int? Count)> TagCounts(Reply reply)
    {
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json["items"]!.AsArray().Select(i => ((string?)i!["name"], (int?)i["count"])).ToList();
    }

    /// <summary>A new record's create body with <paramref name="tags"/>, for each record type.</summary>
    private static async Task<object> BodyAsync(Api api, string path, object? tags, string name = "Record")
    {
        return path switch
        {
            "/api/v1/contacts" => new { name, tags },
            "/api/v1/companies" => new { name, tags },
            _ => new { contact_id = await api.CreateContactAsync(), title = name, tags },
        };
    }

    private static async Task<string> CreateAsync(Api api, string path, object? tags, string name = "Record")
    {
        var reply = await api.PostAsync(path, await BodyAsync(api, path, tags, name));
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return (string)reply.Json["id"]!;
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Tags_are_stored_trimmed_in_the_order_given_with_duplicates_in_any_case_collapsed_to_their_first_spelling(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var created = await api.PostAsync(path, await BodyAsync(api, path, new[] { " VIP ", "Hot lead", "vip", "HOT LEAD", "été" }));

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        TagsOf(created.Json).ShouldBe(["VIP", "Hot lead", "été"]);
        var id = (string)created.Json["id"]!;
        TagsOf((await api.GetAsync($"{path}/{id}")).Json).ShouldBe(["VIP", "Hot lead", "été"]);
        var untagged = await api.PostAsync(path, await BodyAsync(api, path, null));
        TagsOf(untagged.Json).ShouldBeEmpty();
        TagsOf((await api.GetAsync($"{path}/{(string)untagged.Json["id"]!}")).Json).ShouldBeEmpty();
        (await api.GetAsync(path)).Json["items"]!.AsArray().ShouldAllBe(r => r!["tags"] is JsonArray);
    }

    [TestCaseSource(nameof(Paths))]
    public async Task A_patch_replaces_the_tags_null_or_an_empty_list_clears_them_and_leaving_them_out_keeps_them(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var id = await CreateAsync(api, path, new[] { "vip" });

        TagsOf((await api.PatchAsync($"{path}/{id}", new { tags = new[] { "partner", "VIP" } })).Json).ShouldBe(["partner", "VIP"]);
        var kept = await api.PatchAsync($"{path}/{id}", path.EndsWith("deals", StringComparison.Ordinal) ? new { title = "Renamed" } : new { name = "Renamed" });
        kept.Status.ShouldBe(HttpStatusCode.OK, kept.Text);
        TagsOf(kept.Json).ShouldBe(["partner", "VIP"]);
        TagsOf((await api.PatchAsync($"{path}/{id}", new { tags = (string[]?)null })).Json).ShouldBeEmpty();
        TagsOf((await api.PatchAsync($"{path}/{id}", new { tags = new[] { "a" } })).Json).ShouldBe(["a"]);
        TagsOf((await api.PatchAsync($"{path}/{id}", new { tags = Array.Empty<string>() })).Json).ShouldBeEmpty();
    }

    [Test]
    public async Task A_contact_put_replaces_the_tags_and_clears_them_when_left_out()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var id = await CreateAsync(asOwner, "/api/v1/contacts", new[] { "vip" });

        var replaced = await asOwner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", owner_id = owner.UserId, tags = new[] { "Partner", "partner " } });
        replaced.Status.ShouldBe(HttpStatusCode.OK, replaced.Text);
        TagsOf(replaced.Json).ShouldBe(["Partner"]);
        TagsOf((await asOwner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", owner_id = owner.UserId })).Json).ShouldBeEmpty();
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Invalid_tags_answer_400_naming_the_list_or_the_tag_and_change_nothing(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var id = await CreateAsync(api, path, new[] { "kept" });
        var tooMany = Enumerable.Range(1, 21).Select(i => $"tag {i}").ToArray();

        var many = await api.PatchAsync($"{path}/{id}", new { tags = tooMany });
        many.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        many.ErrorsOf("tags").ShouldNotBeEmpty();
        var bad = await api.PatchAsync($"{path}/{id}", new { tags = new[] { "fine", "  ", new string('x', 41), "rtl\u202Eexe", "two\u2028lines" } });
        bad.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        bad.ErrorsOf("tags[0]").ShouldBeEmpty();
        foreach (var i in new[] { 1, 2, 3, 4 })
        {
            bad.ErrorsOf($"tags[{i}]").ShouldNotBeEmpty($"tags[{i}]: {bad.Text}");
        }

        (await api.PatchAsync($"{path}/{id}", new { tags = new[] { "bell\u0007" } })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")
            .ErrorsOf("tags[0]").ShouldNotBeEmpty();
        (await api.PostAsync(path, await BodyAsync(api, path, tooMany))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")
            .ErrorsOf("tags").ShouldNotBeEmpty();
        foreach (var wrong in new object[] { new[] { "ok", (string?)null }, "vip", new[] { 1 } })
        {
            var refused = await api.PostAsync(path, await BodyAsync(api, path, wrong));
            refused.Status.ShouldBe(HttpStatusCode.BadRequest, refused.Text);
            ((string?)refused.Json["code"]).ShouldNotBeNull();
        }

        TagsOf((await api.GetAsync($"{path}/{id}")).Json).ShouldBe(["kept"]);

        // Twenty tags, each at the longest, and duplicates of them in another case: accepted, duplicates collapsed.
        var twenty = Enumerable.Range(1, 20).Select(i => $"{i:D2}".PadRight(40, 'x')).ToArray();
        var full = await api.PatchAsync($"{path}/{id}", new { tags = twenty.Concat(twenty.Select(t => t.ToUpperInvariant())).ToArray() });
        full.Status.ShouldBe(HttpStatusCode.OK, full.Text);
        TagsOf(full.Json).ShouldBe(twenty);
    }

    [Test]
    public async Task Batches_set_tags_on_new_and_matched_records_and_leave_records_with_the_same_tags_unchanged()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();

        var contacts = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { external_id = "c-1", name = "Ada", tags = new[] { "vip", "VIP" } },
                new { external_id = "c-2", name = "Grace", tags = new[] { new string('x', 41) } },
            },
        });
        contacts.Json["items"]!.AsArray().Select(i => (string?)i!["status"]).ShouldBe(["created", "failed"], contacts.Text);
        ((string?)contacts.Json["items"]![1]!["code"]).ShouldBe("validation_failed");
        var again = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { external_id = "c-1", tags = new[] { " vip" } },
                new { external_id = "c-1", tags = new[] { "vip", "hot" } },
            },
        });
        again.Json["items"]!.AsArray().Select(i => (string?)i!["status"]).ShouldBe(["unchanged", "updated"], again.Text);
        TagsOf((await api.GetAsync("/api/v1/contacts?external_id=c-1")).Json["items"]![0]).ShouldBe(["vip", "hot"]);

        var deals = await api.PostAsync("/api/v1/deals/batch", new
        {
            match_on = "external_id",
            items = new object[] { new { external_id = "d-1", contact_id = contact, title = "Renewal", tags = new[] { "Q4" } } },
        });
        deals.Json["items"]!.AsArray().Select(i => (string?)i!["status"]).ShouldBe(["created"], deals.Text);
        var dealsAgain = await api.PostAsync("/api/v1/deals/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { external_id = "d-1", tags = new[] { "Q4" } },
                new { external_id = "d-1", tags = new[] { "q4", "renewal" } },
            },
        });
        dealsAgain.Json["items"]!.AsArray().Select(i => (string?)i!["status"]).ShouldBe(["unchanged", "updated"], dealsAgain.Text);
        TagsOf((await api.GetAsync("/api/v1/deals?external_id=d-1")).Json["items"]![0]).ShouldBe(["q4", "renewal"]);
    }

    [TestCaseSource(nameof(Paths))]
    public async Task The_tag_filter_matches_any_of_its_values_without_regard_to_case_and_is_bounded(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var vip = await CreateAsync(api, path, new[] { "VIP" }, "a");
        var partner = await CreateAsync(api, path, new[] { "partner", "Reseller" }, "b");
        await CreateAsync(api, path, new[] { "cold" }, "c");
        await CreateAsync(api, path, null, "d");

        Ids(await api.GetAsync($"{path}?tag=vip")).ShouldBe([vip]);
        var either = await api.GetAsync($"{path}?tag=vip&tag=RESELLER&tag=%20Partner%20");
        Ids(either).ShouldBe([vip, partner], ignoreOrder: true);
        ((int?)either.Json["total"]).ShouldBe(2);
        Ids(await api.GetAsync($"{path}?tag=nobody")).ShouldBeEmpty();
        ((int?)(await api.GetAsync($"{path}?tag=")).Json["total"]).ShouldBe(4);

        var tooMany = string.Join('&', Enumerable.Range(1, 21).Select(i => $"tag=t{i}"));
        (await api.GetAsync($"{path}?{tooMany}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.GetAsync($"{path}?tag={new string('x', 41)}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task The_tags_list_counts_records_per_tag_most_used_first_per_type_or_together_and_follows_changes()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var owner = api.As(team.Owner);
        var member = api.As(team.Member);
        await CreateAsync(owner, "/api/v1/contacts", new[] { "VIP", "partner" });
        await CreateAsync(owner, "/api/v1/contacts", new[] { "vip" });
        await CreateAsync(owner, "/api/v1/contacts", new[] { "vip" });
        await CreateAsync(owner, "/api/v1/companies", new[] { "Partner", "enterprise" });
        var deal = await CreateAsync(owner, "/api/v1/deals", new[] { "enterprise", "q4" });

        // Another organization's tags are never counted.
        var stranger = api.As(await api.RegisterAsync());
        await CreateAsync(stranger, "/api/v1/contacts", new[] { "vip", "secret" });

        TagCounts(await member.GetAsync("/api/v1/tags?record_type=contact")).ShouldBe([("vip", 3), ("partner", 1)]);
        TagCounts(await member.GetAsync("/api/v1/tags?record_type=company")).ShouldBe([("enterprise", 1), ("Partner", 1)]);
        TagCounts(await member.GetAsync("/api/v1/tags?record_type=deal")).ShouldBe([("enterprise", 1), ("q4", 1)]);
        // A tie between spellings goes to the first in ordinal order (upper case first).
        TagCounts(await member.GetAsync("/api/v1/tags")).ShouldBe([("vip", 3), ("enterprise", 2), ("Partner", 2), ("q4", 1)]);
        var paged = await member.GetAsync("/api/v1/tags?page=2&page_size=3");
        TagCounts(paged).ShouldBe([("q4", 1)]);
        ((int?)paged.Json["total"]).ShouldBe(4);
        ((int?)paged.Json["pages"]).ShouldBe(2);

        // A change is seen at once, cached answers or not.
        (await owner.PatchAsync($"/api/v1/deals/{deal}", new { tags = new[] { "Q4", "Renewal" } })).Status.ShouldBe(HttpStatusCode.OK);
        TagCounts(await member.GetAsync("/api/v1/tags?record_type=deal")).ShouldBe([("Q4", 1), ("Renewal", 1)]);
        TagCounts(await member.GetAsync("/api/v1/tags")).ShouldBe([("vip", 3), ("Partner", 2), ("enterprise", 1), ("Q4", 1), ("Renewal", 1)]);

        TagCounts(await stranger.GetAsync("/api/v1/tags")).ShouldBe([("secret", 1), ("vip", 1)]);
        (await member.GetAsync("/api/v1/tags?record_type=task")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await member.GetAsync("/api/v1/tags?page_size=101")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.GetAsync("/api/v1/tags")).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Another_organizations_tagged_records_are_never_listed_by_a_tag_filter()
    {
        var api = NewApi();
        var stranger = api.As(await api.RegisterAsync());
        await CreateAsync(stranger, "/api/v1/contacts", new[] { "vip" });
        await CreateAsync(stranger, "/api/v1/companies", new[] { "vip" });
        await CreateAsync(stranger, "/api/v1/deals", new[] { "vip" });
        var me = api.As(await api.RegisterAsync());

        foreach (var path in Paths)
        {
            Ids(await me.GetAsync($"{path}?tag=vip")).ShouldBeEmpty();
        }

        TagCounts(await me.GetAsync("/api/v1/tags")).ShouldBeEmpty();
    }

    [Test]
    public async Task A_deals_tag_change_is_in_its_timeline_and_every_records_tag_change_in_the_audit_trail()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await CreateAsync(api, "/api/v1/deals", new[] { "vip" });
        var contact = await CreateAsync(api, "/api/v1/contacts", null);
        var company = await CreateAsync(api, "/api/v1/companies", new[] { "a" });

        (await api.PatchAsync($"/api/v1/deals/{deal}", new { tags = new[] { "vip", "q4" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PatchAsync($"/api/v1/contacts/{contact}", new { tags = new[] { "partner" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PatchAsync($"/api/v1/companies/{company}", new { tags = Array.Empty<string>() })).Status.ShouldBe(HttpStatusCode.OK);

        var timeline = (await api.GetAsync($"/api/v1/deals/{deal}/activities")).Json["items"]!.AsArray();
        var updated = timeline.Single(a => (string?)a!["type"] == "deal_updated")!["payload"]!["changes"]!.AsArray().Single()!;
        ((string?)updated["field"]).ShouldBe("tags");
        ((string?)updated["from"]).ShouldBe("""["vip"]""");
        ((string?)updated["to"]).ShouldBe("""["vip","q4"]""");

        // Tags only in another spelling are a change too; the same list again is none.
        (await api.PatchAsync($"/api/v1/deals/{deal}", new { tags = new[] { "VIP", "q4" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PatchAsync($"/api/v1/deals/{deal}", new { tags = new[] { "VIP", "q4" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.TimelineAsync(Guid.Parse(deal))).Count(t => t == "deal_updated").ShouldBe(2);

        foreach (var (id, action, from, to) in new[]
        {
            (deal, "update_deal", """["vip"]""", """["vip","q4"]"""),
            (contact, "update_contact", "[]", """["partner"]"""),
            (company, "update_company", """["a"]""", "[]"),
        })
        {
            var entries = (await api.GetAsync($"/api/v1/audit-logs?entity_id={id}&action={action}")).Json["items"]!.AsArray();
            var change = entries.Last()!["changes"]!.AsArray().Single(c => (string?)c!["field"] == "tags")!;
            ((string?)change["from"]).ShouldBe(from, action);
            ((string?)change["to"]).ShouldBe(to, action);
            entries.Last()!["changes"]!.AsArray().ShouldNotContain(c => (string?)c!["field"] == "tag_keys");
        }
    }
}
