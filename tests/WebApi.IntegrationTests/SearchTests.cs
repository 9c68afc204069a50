using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class SearchTests : ApiTest
{
    [Test]
    public async Task Word_prefixes_find_names_ignoring_case_and_accents_and_mark_the_match()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var jose = await api.CreateContactAsync("José Müller", "jose@acentos.example");
        await api.CreateContactAsync("Grace Hopper", "grace@navy.example");

        var byAccentless = await SearchAsync(api, "jose mull");
        var byPrefix = await SearchAsync(api, "GRA");

        var hit = byAccentless["items"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)hit["type"]).ShouldBe("contact");
        ((string?)hit["id"]).ShouldBe(jose.ToString());
        ((string)hit["snippet"]!).ShouldContain("<mark>José</mark>");
        ((string)hit["snippet"]!).ShouldContain("<mark>Müller</mark>");
        ((double?)hit["score"]).ShouldNotBeNull().ShouldBeGreaterThan(0);
        byPrefix["items"]!.AsArray().Select(i => (string?)i!["title"]).ShouldBe(["Grace Hopper"]);
    }

    [Test]
    public async Task Names_and_titles_rank_above_bodies()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync(title: "Quarterly plan");
        var inBody = await api.PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call the buyer", description = "Talk about the renewal terms" });
        var inTitle = await api.PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Renewal quote" });

        var items = (await SearchAsync(api, "renewal"))["items"]!.AsArray();

        items.Select(i => (string?)i!["id"]).ShouldBe([(string?)inTitle.Json["id"], (string?)inBody.Json["id"]]);
        ((string?)items[0]!["deal_id"]).ShouldBe(deal.ToString());
    }

    [Test]
    public async Task Logged_activities_are_found_by_subject_and_body_under_their_own_facet()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync("Grace Hopper");
        var bySubject = await api.PostAsync("/api/v1/activities", new { type = "call", subject = "Zeppelin pilot", body = "Call about the trial.", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact });
        var byBody = await api.PostAsync("/api/v1/activities", new { type = "note", body = "The zeppelin fleet needs ten seats.", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact });
        var stranger = NewApi().As(await NewApi().RegisterAsync());
        var theirs = await stranger.CreateContactAsync("Someone Else");
        await stranger.PostAsync("/api/v1/activities", new { type = "note", body = "Zeppelin, theirs.", occurred_at = "2026-11-20T10:15:00Z", contact_id = theirs });

        var found = await SearchAsync(api, "zeppelin", "types=activity");

        found["items"]!.AsArray().Select(i => (string?)i!["id"]).ShouldBe([(string?)bySubject.Json["id"], (string?)byBody.Json["id"]]);
        ((string?)found["items"]![0]!["title"]).ShouldBe("Zeppelin pilot");
        ((string)found["items"]![1]!["snippet"]!).ShouldContain("<mark>zeppelin</mark>");
        ((int?)found["facets"]!["activity"]).ShouldBe(2);
        ((int?)found["facets"]!["comment"]).ShouldBe(0);
    }

    [Test]
    public async Task A_typo_falls_back_to_similar_spellings()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await api.CreateContactAsync("John Smith");
        await api.CreateContactAsync("Ada Lovelace");

        var items = (await SearchAsync(api, "Jonh Smiht"))["items"]!.AsArray();

        items.Select(i => (string?)i!["title"]).ShouldBe(["John Smith"]);
    }

    [Test]
    public async Task Types_narrow_the_items_while_facets_count_every_type()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync("Apollo Contact");
        var deal = await api.CreateDealAsync(contact, "Apollo Deal");
        await api.CreateTaskAsync(deal, "Apollo follow-up");
        await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "They loved the Apollo demo." } });

        var onlyDealsAndComments = await SearchAsync(api, "apollo", "types=deal,comment");

        onlyDealsAndComments["items"]!.AsArray().Select(i => (string?)i!["type"]).ShouldBe(["deal", "comment"], ignoreOrder: true);
        ((int?)onlyDealsAndComments["total"]).ShouldBe(2);
        var facets = onlyDealsAndComments["facets"]!;
        foreach (var type in new[] { "contact", "deal", "task", "comment" })
        {
            ((int?)facets[type]).ShouldBe(1, type);
        }

        var comment = onlyDealsAndComments["items"]!.AsArray().Single(i => (string?)i!["type"] == "comment")!;
        ((string?)comment["deal_id"]).ShouldBe(deal.ToString());
        ((string)comment["snippet"]!).ShouldContain("<mark>Apollo</mark>");
    }

    [Test]
    public async Task A_record_is_findable_right_after_it_is_written_and_gone_right_after_it_is_deleted()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync("Zebediah Quill");
        ((int?)(await SearchAsync(api, "zebediah"))["total"]).ShouldBe(1);

        await api.PatchAsync($"/api/v1/contacts/{contact}", new { name = "Zachary Quill" });
        ((int?)(await SearchAsync(api, "zebediah"))["total"]).ShouldBe(0);
        ((int?)(await SearchAsync(api, "zachary"))["total"]).ShouldBe(1);

        await api.DeleteAsync($"/api/v1/contacts/{contact}");
        ((int?)(await SearchAsync(api, "zachary"))["total"]).ShouldBe(0);
    }

    [Test]
    public async Task A_contact_company_or_deal_carrying_the_text_as_a_tag_is_found_in_any_case()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = Guid.Parse((await api.PostAsync("/api/v1/contacts", new { name = "Ada Lovelace", tags = new[] { "Conference 2026" } }))["id"]!);
        var company = Guid.Parse((await api.PostAsync("/api/v1/companies", new { name = "Analytical Engines", tags = new[] { "conference 2026" } }))["id"]!);
        var deal = Guid.Parse((await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Engines", amount = 10, currency = "EUR", tags = new[] { "CONFERENCE 2026" } }))["id"]!);
        await api.PostAsync("/api/v1/contacts", new { name = "Grace Hopper", tags = new[] { "Conference 2025" } });

        var found = await SearchAsync(api, " conference 2026 ");

        found["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).Order().ShouldBe(new[] { contact, company, deal }.Order());
        ((int?)found["facets"]!["contact"]).ShouldBe(1);
        ((int?)(await SearchAsync(api, "conference 2027"))["total"]).ShouldBe(0);

        await api.PatchAsync($"/api/v1/deals/{deal}", new { tags = Array.Empty<string>() });
        ((int?)(await SearchAsync(api, "Conference 2026"))["total"]).ShouldBe(2);
    }

    [Test]
    public async Task Custom_field_text_values_are_found_below_names_and_shown_in_the_snippet()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        (await api.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "tier", label = "Tier", type = "text" })).Status.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsync("/api/v1/custom-fields", new { record_type = "deal", key = "regions", label = "Regions", type = "multi_select", options = new[] { "lusitania", "gallia" } }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsync("/api/v1/custom-fields", new { record_type = "company", key = "motto", label = "Motto", type = "text" })).Status.ShouldBe(HttpStatusCode.Created);
        var tiered = Guid.Parse((await api.PostAsync("/api/v1/contacts", new { name = "Ada Lovelace", custom_fields = new { tier = "Platinum partner" } }))["id"]!);
        var named = await api.CreateContactAsync("Platinum Pete");
        var company = Guid.Parse((await api.PostAsync("/api/v1/companies", new { name = "Engines", custom_fields = new { motto = "Lusitania first" } }))["id"]!);
        var deal = Guid.Parse((await api.PostAsync("/api/v1/deals", new { contact_id = named, title = "Expansion", amount = 10, currency = "EUR", custom_fields = new { regions = new[] { "gallia", "lusitania" } } }))["id"]!);
        var stranger = NewApi().As(await NewApi().RegisterAsync());
        await stranger.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "tier", label = "Tier", type = "text" });
        await stranger.PostAsync("/api/v1/contacts", new { name = "Someone", custom_fields = new { tier = "Platinum" } });

        var platinum = (await SearchAsync(api, "platinum"))["items"]!.AsArray();
        var lusitania = await SearchAsync(api, "lusitania");

        platinum.Select(i => Guid.Parse((string)i!["id"]!)).ShouldBe([named, tiered]);
        ((string)platinum[1]!["snippet"]!).ShouldContain("<mark>Platinum</mark> partner");
        ((string)platinum[0]!["snippet"]!).ShouldNotContain("·");
        lusitania["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).Order().ShouldBe(new[] { company, deal }.Order());
        ((int?)lusitania["facets"]!["deal"]).ShouldBe(1);

        await api.PatchAsync($"/api/v1/contacts/{tiered}", new { custom_fields = new { tier = (string?)null } });
        (await SearchAsync(api, "platinum"))["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).ShouldBe([named]);
    }

    [Test]
    public async Task Another_organizations_records_are_never_found()
    {
        var api = NewApi();
        var theirs = api.As(await api.RegisterAsync());
        var theirDeal = await theirs.CreateDealAsync(await theirs.CreateContactAsync("Secretive Person"), "Secret merger");
        await theirs.PostAsync($"/api/v1/deals/{theirDeal}/activities", new { type = "comment", payload = new { text = "Secret notes" } });
        var mine = api.As(await api.RegisterAsync());
        await mine.CreateContactAsync("Open Person");

        var found = await SearchAsync(mine, "secret");
        var similar = await SearchAsync(mine, "Secretiv Persn");

        ((int?)found["total"]).ShouldBe(0);
        found["facets"]!.AsObject().Select(f => (int?)f.Value).ShouldAllBe(n => n == 0);
        similar["items"]!.AsArray().ShouldNotContain(i => ((string?)i!["title"])!.Contains("Secret", StringComparison.Ordinal));
    }

    [Test]
    public async Task Results_are_paged()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        for (var i = 0; i < 3; i++)
        {
            await api.CreateContactAsync($"Paged Person {i}");
        }

        var second = await SearchAsync(api, "paged", "page=2&page_size=2");
        var beyond = await SearchAsync(api, "paged", "page=5&page_size=2");

        ((int?)second["total"]).ShouldBe(3);
        second["items"]!.AsArray().Count.ShouldBe(1);
        ((int?)beyond["total"]).ShouldBe(3);
        ((int?)beyond["facets"]!["contact"]).ShouldBe(3);
        beyond["items"]!.AsArray().ShouldBeEmpty();
    }

    [Test]
    public async Task Html_stored_in_any_searchable_field_comes_back_escaped_with_only_the_marks_as_markup()
    {
        const string script = "<img src=x onerror=alert(1)><script>alert('x')</script>";
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync($"Bob {script}", "bob@xss.example");
        var deal = await api.CreateDealAsync(contact, $"Bob deal {script}");
        await api.PostAsync("/api/v1/tasks", new { deal_id = deal, title = $"Bob task {script}", description = $"Bob body {script}" });
        await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = $"Bob comment {script}" } });
        await api.CreateContactAsync("<b>Zeb</b> Quinn");

        var items = (await SearchAsync(api, "bob"))["items"]!.AsArray();
        var similar = (await SearchAsync(api, "Zebb Qinn"))["items"]!.AsArray();

        items.Count.ShouldBe(4);
        foreach (var snippet in items.Concat(similar).Select(i => (string)i!["snippet"]!))
        {
            // Escape everything, then mark: the only elements are the marks.
            var text = snippet.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal);
            text.ShouldNotContain('<');
            text.ShouldNotContain('>');
        }

        items.Select(i => (string)i!["snippet"]!).ShouldAllBe(s => s.Contains("<mark>Bob</mark>"));
        items.Select(i => (string)i!["snippet"]!).ShouldContain(s => s.Contains("&lt;img src=x onerror=alert(1)&gt;"));
        items.Single(i => (string?)i!["type"] == "contact")!["title"]!.GetValue<string>().ShouldBe($"Bob {script}");
        ((string?)similar.ShouldHaveSingleItem()!["snippet"]).ShouldBe("&lt;b&gt;Zeb&lt;/b&gt; Quinn");
    }

    [TestCase("q=")]
    [TestCase("q=%20%21%21")]
    [TestCase("q=ok&types=contact,person")]
    public async Task Bad_searches_answer_400(string query)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        (await api.GetAsync($"/api/v1/search?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task<JsonNode> SearchAsync(Api api, string q, string extra = "")
    {
        var reply = await api.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&{extra}");
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }
}
