using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary><c>/api/v1/custom-fields</c> and the <c>custom_fields</c> of contacts, companies and deals.</summary>
public sealed class CustomFieldTests : ApiTest
{
    private const string Fields = "/api/v1/custom-fields";

    private static readonly string[] Paths = ["/api/v1/contacts", "/api/v1/companies", "/api/v1/deals"];

    private static string RecordType(string path) => path switch
    {
        "/api/v1/contacts" => "contact",
        "/api/v1/companies" => "company",
        _ => "deal",
    };

    private static async Task<string> DefineAsync(Api api, string recordType, string key, string type, object? extra = null)
    {
        var body = new JsonObject { ["record_type"] = recordType, ["key"] = key, ["label"] = key.Replace('_', ' '), ["type"] = type };
        if (extra is not null)
        {
            foreach (var (name, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra))!.AsObject())
            {
                body[name] = value?.DeepClone();
            }
        }

        var reply = await api.PostAsync(Fields, body);
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return (string)reply.Json["id"]!;
    }

    private static async Task<object> BodyAsync(Api api, string path, object? customFields, string name = "Record") => path switch
    {
        "/api/v1/deals" => new { contact_id = await api.CreateContactAsync(), title = name, custom_fields = customFields },
        _ => new { name, custom_fields = customFields },
    };

    private static async Task<Reply> CreateAsync(Api api, string path, object? customFields, string name = "Record") =>
        await api.PostAsync(path, await BodyAsync(api, path, customFields, name));

    private static async Task<string> CreatedAsync(Api api, string path, object? customFields, string name = "Record")
    {
        var reply = await CreateAsync(api, path, customFields, name);
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return (string)reply.Json["id"]!;
    }

    private static List<string?> Names(Reply reply)
    {
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return [.. reply.Json["items"]!.AsArray().Select(i => (string?)(i!["name"] ?? i["title"]))];
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Values_are_stored_typed_read_back_and_merged_by_a_patch(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var type = RecordType(path);
        await DefineAsync(api, type, "tier", "select", new { options = new[] { "gold", "silver" } });
        await DefineAsync(api, type, "seats", "number");
        await DefineAsync(api, type, "renewal", "date");
        await DefineAsync(api, type, "active", "boolean");
        await DefineAsync(api, type, "regions", "multi_select", new { options = new[] { "eu", "us", "apac" } });
        await DefineAsync(api, type, "budget", "currency", new { currency = "EUR" });
        await DefineAsync(api, type, "notes", "long_text");

        var created = await CreateAsync(api, path, new { tier = "gold", seats = 12.50, renewal = "2027-01-31", active = true, regions = new[] { "eu", "us", "eu" }, budget = 1000.5 });

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var values = created.Json["custom_fields"]!;
        ((string?)values["tier"]).ShouldBe("gold");
        ((decimal?)values["seats"]).ShouldBe(12.5m);
        ((string?)values["renewal"]).ShouldBe("2027-01-31");
        ((bool?)values["active"]).ShouldBe(true);
        values["regions"]!.AsArray().Select(r => (string?)r).ShouldBe(["eu", "us"]);
        ((decimal?)values["budget"]).ShouldBe(1000.5m);
        var id = (string)created.Json["id"]!;

        var patched = await api.PatchAsync($"{path}/{id}", new { custom_fields = new { tier = "silver", active = (bool?)null, notes = "Line one\nline two" } });

        patched.Status.ShouldBe(HttpStatusCode.OK, patched.Text);
        var read = (await api.GetAsync($"{path}/{id}")).Json["custom_fields"]!.AsObject();
        ((string?)read["tier"]).ShouldBe("silver");
        read.ContainsKey("active").ShouldBeFalse();
        ((decimal?)read["seats"]).ShouldBe(12.5m);
        ((string?)read["notes"]).ShouldBe("Line one\nline two");
        (await api.GetAsync(path)).Json["items"]!.AsArray().ShouldAllBe(r => r!["custom_fields"] is JsonObject);
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Values_that_do_not_fit_their_type_or_unknown_keys_are_refused_naming_the_key(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var type = RecordType(path);
        await DefineAsync(api, type, "tier", "select", new { options = new[] { "gold" } });
        await DefineAsync(api, type, "seats", "number");
        await DefineAsync(api, type, "renewal", "date");
        await DefineAsync(api, type, "site", "url");
        await DefineAsync(api, type, "billing", "email");
        await DefineAsync(api, type, "budget", "currency", new { currency = "EUR" });

        var refused = await CreateAsync(api, path, new { tier = "platinum", seats = "12", renewal = "31/01/2027", site = "ftp://x", billing = "nobody", budget = 1.005, nope = 1 });

        refused.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var key in new[] { "tier", "seats", "renewal", "site", "billing", "budget", "nope" })
        {
            refused.ErrorsOf($"custom_fields.{key}").ShouldNotBeEmpty(key);
        }
    }

    [Test]
    public async Task A_user_value_must_be_a_member_of_the_organization()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var asOwner = api.As(owner);
        await DefineAsync(asOwner, "contact", "account_manager", "user");

        (await CreateAsync(asOwner, "/api/v1/contacts", new { account_manager = stranger.UserId }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("custom_fields.account_manager").ShouldNotBeEmpty();
        var created = await CreateAsync(asOwner, "/api/v1/contacts", new { account_manager = owner.UserId });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        ((string?)created.Json["custom_fields"]!["account_manager"]).ShouldBe(owner.UserId.ToString());
    }

    [Test]
    public async Task A_required_field_is_needed_on_create_and_cannot_be_cleared()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        await DefineAsync(asOwner, "contact", "source", "text", new { required = true });

        (await CreateAsync(asOwner, "/api/v1/contacts", null)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")
            .ErrorsOf("custom_fields.source").ShouldNotBeEmpty();
        var id = await CreatedAsync(asOwner, "/api/v1/contacts", new { source = "fair" });
        (await asOwner.PatchAsync($"/api/v1/contacts/{id}", new { custom_fields = new { source = (string?)null } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("custom_fields.source").ShouldNotBeEmpty();
        (await asOwner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", owner_id = owner.UserId }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await asOwner.PatchAsync($"/api/v1/contacts/{id}", new { name = "Ada" })).Status.ShouldBe(HttpStatusCode.OK);
        var replaced = await asOwner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", owner_id = owner.UserId, custom_fields = new { source = "web" } });
        replaced.Status.ShouldBe(HttpStatusCode.OK, replaced.Text);
        ((string?)replaced.Json["custom_fields"]!["source"]).ShouldBe("web");
    }

    [Test]
    public async Task Only_owners_and_admins_define_fields_and_every_member_reads_them()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var id = await DefineAsync(api.As(team.Owner), "deal", "region", "text");

        foreach (var role in new[] { "manager", "member" })
        {
            var asRole = api.As(team[role]);
            (await asRole.PostAsync(Fields, new { record_type = "deal", key = "x_" + role, label = "X", type = "text" }))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
            (await asRole.PatchAsync($"{Fields}/{id}", new { label = "Y" })).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
            (await asRole.DeleteAsync($"{Fields}/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
            (await asRole.GetAsync(Fields)).Json["items"]!.AsArray().Select(f => (string?)f!["key"]).ShouldBe(["region"]);
        }

        var asAdmin = api.As(team.Admin);
        await DefineAsync(asAdmin, "deal", "segment", "text");
        (await asAdmin.PatchAsync($"{Fields}/{id}", new { label = "Sales region" })).Status.ShouldBe(HttpStatusCode.OK);
        (await asAdmin.DeleteAsync($"{Fields}/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.As(team.Member).GetAsync($"{Fields}?record_type=deal")).Json["items"]!.AsArray().Select(f => (string?)f!["key"]).ShouldBe(["segment"]);
    }

    [Test]
    public async Task Another_organizations_fields_are_invisible_and_their_keys_unknown()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var id = await DefineAsync(api.As(owner), "contact", "tier", "text");
        var asStranger = api.As(stranger);

        (await asStranger.GetAsync(Fields)).Json["items"]!.AsArray().ShouldBeEmpty();
        (await asStranger.PatchAsync($"{Fields}/{id}", new { label = "Mine" })).ShouldBeProblem(HttpStatusCode.NotFound, "custom_field_not_found");
        (await asStranger.DeleteAsync($"{Fields}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "custom_field_not_found");
        (await CreateAsync(asStranger, "/api/v1/contacts", new { tier = "gold" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("custom_fields.tier").ShouldNotBeEmpty();
        (await asStranger.GetAsync("/api/v1/contacts?cf.tier=gold"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("cf.tier").ShouldNotBeEmpty();

        // The same key is free in another organization, and in another record type.
        await DefineAsync(asStranger, "contact", "tier", "number");
        await DefineAsync(api.As(owner), "deal", "tier", "text");
        (await api.As(owner).GetAsync($"{Fields}/{id}")).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Test]
    public async Task Keys_are_snake_case_unique_per_record_type_and_a_record_type_has_at_most_100_fields()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        foreach (var key in new[] { "Tier", "1tier", "tier-x", "", new string('a', 51) })
        {
            (await api.PostAsync(Fields, new { record_type = "contact", key, label = "L", type = "text" }))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("key").ShouldNotBeEmpty(key);
        }

        (await api.PostAsync(Fields, new { record_type = "contact", key = "tier", label = "L", type = "select" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("options").ShouldNotBeEmpty();
        (await api.PostAsync(Fields, new { record_type = "contact", key = "tier", label = "L", type = "currency" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("currency").ShouldNotBeEmpty();
        (await api.PostAsync(Fields, new { record_type = "contact", key = "tier", label = "L", type = "colour" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        await DefineAsync(api, "contact", "tier", "text");
        (await api.PostAsync(Fields, new { record_type = "contact", key = "tier", label = "L", type = "text" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "custom_field_key_taken");

        for (var i = 1; i < 100; i++)
        {
            await DefineAsync(api, "company", $"f{i}", "text");
        }

        await DefineAsync(api, "company", "f100", "text");
        (await api.PostAsync(Fields, new { record_type = "company", key = "f101", label = "L", type = "text" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "custom_field_limit_reached");
        var positions = (await api.GetAsync($"{Fields}?record_type=company")).Json["items"]!.AsArray().Select(f => (int)f!["position"]!).ToList();
        positions.Count.ShouldBe(100);
        positions.ShouldBeInOrder();
    }

    [Test]
    public async Task Lists_filter_by_equality_bounds_and_options_and_order_by_a_field()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await DefineAsync(api, "contact", "tier", "select", new { options = new[] { "gold", "silver" } });
        await DefineAsync(api, "contact", "seats", "number");
        await DefineAsync(api, "contact", "renewal", "date");
        await DefineAsync(api, "contact", "regions", "multi_select", new { options = new[] { "eu", "us" } });
        await CreatedAsync(api, "/api/v1/contacts", new { tier = "gold", seats = 9, renewal = "2027-03-01", regions = new[] { "eu" } }, "A");
        await CreatedAsync(api, "/api/v1/contacts", new { tier = "gold", seats = 100, renewal = "2026-12-01", regions = new[] { "eu", "us" } }, "B");
        await CreatedAsync(api, "/api/v1/contacts", new { tier = "silver", seats = 20, renewal = "2027-01-15" }, "C");
        await CreatedAsync(api, "/api/v1/contacts", null, "D");

        Names(await api.GetAsync("/api/v1/contacts?cf.tier=gold&order_by=cf.seats")).ShouldBe(["A", "B"]);
        Names(await api.GetAsync("/api/v1/contacts?cf.seats.gte=10&cf.seats.lte=100&order_by=cf.seats&order=desc")).ShouldBe(["B", "C"]);
        Names(await api.GetAsync("/api/v1/contacts?cf.renewal.gte=2027-01-01&order_by=cf.renewal")).ShouldBe(["C", "A"]);
        Names(await api.GetAsync("/api/v1/contacts?cf.regions=us")).ShouldBe(["B"]);
        Names(await api.GetAsync("/api/v1/contacts?cf.seats=100")).ShouldBe(["B"]);
        Names(await api.GetAsync("/api/v1/contacts?order_by=cf.seats")).ShouldBe(["A", "C", "B", "D"]);
        var page = await api.GetAsync("/api/v1/contacts?cf.tier=gold&page_size=1");
        ((int?)page.Json["total"]).ShouldBe(2);

        (await api.GetAsync("/api/v1/contacts?cf.nope=1")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("cf.nope").ShouldNotBeEmpty();
        (await api.GetAsync("/api/v1/contacts?cf.seats.gte=many")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("cf.seats.gte").ShouldNotBeEmpty();
        (await api.GetAsync("/api/v1/contacts?cf.tier=bronze")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("cf.tier").ShouldNotBeEmpty();
        (await api.GetAsync("/api/v1/contacts?cf.tier.gte=gold")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("cf.tier.gte").ShouldNotBeEmpty();
        (await api.GetAsync("/api/v1/contacts?order_by=cf.nope")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("order_by").ShouldNotBeEmpty();
        (await api.GetAsync("/api/v1/deals?cf.tier=gold")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed").ErrorsOf("cf.tier").ShouldNotBeEmpty();
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Deleting_a_field_removes_its_values_and_renaming_its_label_keeps_them(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var type = RecordType(path);
        var tier = await DefineAsync(api, type, "tier", "text");
        var seats = await DefineAsync(api, type, "seats", "number");
        var id = await CreatedAsync(api, path, new { tier = "gold", seats = 3 });

        (await api.PatchAsync($"{Fields}/{tier}", new { label = "Customer tier" })).Json["label"]!.ToString().ShouldBe("Customer tier");
        ((string?)(await api.GetAsync($"{path}/{id}")).Json["custom_fields"]!["tier"]).ShouldBe("gold");
        (await api.DeleteAsync($"{Fields}/{seats}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var values = (await api.GetAsync($"{path}/{id}")).Json["custom_fields"]!.AsObject();
        values.Select(p => p.Key).ShouldBe(["tier"]);
        (await api.GetAsync($"{path}?cf.seats=3")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        // A new field of the same key starts empty.
        await DefineAsync(api, type, "seats", "text");
        (await api.GetAsync($"{path}/{id}")).Json["custom_fields"]!.AsObject().ContainsKey("seats").ShouldBeFalse();
    }

    [TestCase("/api/v1/contacts")]
    [TestCase("/api/v1/companies")]
    public async Task A_lists_search_finds_what_a_text_field_holds(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await DefineAsync(api, RecordType(path), "notes", "long_text");
        var id = await CreatedAsync(api, path, new { notes = "Met at the Zürich trade fair" }, "Plain name");
        await CreatedAsync(api, path, null, "Other");

        (await api.GetAsync($"{path}?search=zurich")).Json["items"]!.AsArray().Select(i => (string?)i!["id"]).ShouldBe([id]);
        (await api.PatchAsync($"{path}/{id}", new { custom_fields = new { notes = (string?)null } })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"{path}?search=zurich")).Json["items"]!.AsArray().ShouldBeEmpty();
    }

    [Test]
    public async Task An_ordered_field_has_its_own_index_from_its_creation_to_its_deletion()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var seats = await DefineAsync(api, "contact", "seats", "number");
        var tier = await DefineAsync(api, "contact", "tier", "text");

        async Task<bool> IndexedAsync(string id)
        {
            await using var connection = new Npgsql.NpgsqlConnection(Testing.Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = @name)", connection);
            command.Parameters.AddWithValue("name", "ix_cf_" + Guid.Parse(id).ToString("N"));
            return (bool)(await command.ExecuteScalarAsync())!;
        }

        (await IndexedAsync(seats)).ShouldBeTrue();
        (await IndexedAsync(tier)).ShouldBeFalse();
        (await api.PatchAsync($"{Fields}/{tier}", new { type = "date" })).Status.ShouldBe(HttpStatusCode.OK);
        (await IndexedAsync(tier)).ShouldBeTrue();
        (await api.PatchAsync($"{Fields}/{seats}", new { type = "text" })).Status.ShouldBe(HttpStatusCode.OK);
        (await IndexedAsync(seats)).ShouldBeFalse();
        (await api.DeleteAsync($"{Fields}/{tier}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await IndexedAsync(tier)).ShouldBeFalse();
    }

    [Test]
    public async Task A_type_or_options_change_is_refused_while_records_hold_values_it_does_not_accept()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var code = await DefineAsync(api, "contact", "code", "text");
        var tier = await DefineAsync(api, "contact", "tier", "select", new { options = new[] { "gold", "silver" } });
        await CreatedAsync(api, "/api/v1/contacts", new { code = "12", tier = "gold" });
        await CreatedAsync(api, "/api/v1/contacts", new { code = "https://example.com" });

        (await api.PatchAsync($"{Fields}/{code}", new { type = "number" })).ShouldBeProblem(HttpStatusCode.Conflict, "custom_field_type_change_refused");
        (await api.PatchAsync($"{Fields}/{code}", new { type = "url" })).ShouldBeProblem(HttpStatusCode.Conflict, "custom_field_type_change_refused");
        (await api.PatchAsync($"{Fields}/{code}", new { type = "long_text" })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PatchAsync($"{Fields}/{tier}", new { options = new[] { "silver" } })).ShouldBeProblem(HttpStatusCode.Conflict, "custom_field_type_change_refused");
        (await api.PatchAsync($"{Fields}/{tier}", new { type = "text" })).Status.ShouldBe(HttpStatusCode.OK);
        var field = await api.PatchAsync($"{Fields}/{tier}", new { type = "select", options = new[] { "gold", "bronze" } });
        field.Status.ShouldBe(HttpStatusCode.OK, field.Text);
        field.Json["options"]!.AsArray().Select(o => (string?)o).ShouldBe(["gold", "bronze"]);
    }

    [Test]
    public async Task Changes_appear_in_the_deals_timeline_the_audit_trail_and_the_change_feed()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await DefineAsync(api, "deal", "seats", "number");
        await DefineAsync(api, "deal", "tier", "text");
        var deal = await CreatedAsync(api, "/api/v1/deals", new { seats = 3 });

        (await api.PatchAsync($"/api/v1/deals/{deal}", new { custom_fields = new { seats = 4.5, tier = "gold" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PatchAsync($"/api/v1/deals/{deal}", new { custom_fields = new { seats = 4.50 } })).Status.ShouldBe(HttpStatusCode.OK);

        var timeline = (await api.GetAsync($"/api/v1/deals/{deal}/activities")).Json["items"]!.AsArray();
        var changes = timeline.Single(a => (string?)a!["type"] == "deal_updated")!["payload"]!["changes"]!.AsArray();
        changes.Select(c => ((string?)c!["field"], (string?)c["from"], (string?)c["to"]))
            .ShouldBe([("custom_fields.seats", "3", "4.5"), ("custom_fields.tier", null, "gold")]);

        var audit = (await api.GetAsync($"/api/v1/audit-logs?entity_id={deal}&action=update_deal")).Json["items"]!.AsArray();
        audit.Count.ShouldBe(1);
        var audited = audit.Single()!["changes"]!.AsArray();
        audited.ShouldContain(c => (string?)c!["field"] == "custom_fields.seats" && (string?)c["from"] == "3" && (string?)c["to"] == "4.5");
        audited.ShouldContain(c => (string?)c!["field"] == "custom_fields.tier" && (string?)c["from"] == null && (string?)c["to"] == "gold");
        var feed = (await api.GetAsync("/api/v1/changes?types=deal")).Json["items"]!.AsArray();
        ((decimal?)feed.Last()!["data"]!["custom_fields"]!["seats"]).ShouldBe(4.5m);
    }

    [Test]
    public async Task Batch_items_carry_custom_fields_and_an_item_with_the_values_held_is_unchanged()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await DefineAsync(api, "contact", "tier", "select", new { options = new[] { "gold", "silver" } });

        var first = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { name = "A", external_id = "a", custom_fields = new { tier = "gold" } },
                new { name = "B", external_id = "b", custom_fields = new { tier = "bronze" } },
            },
        });
        first.Status.ShouldBe(HttpStatusCode.OK, first.Text);
        first.Json["items"]!.AsArray().Select(i => (string?)i!["status"]).ShouldBe(["created", "failed"]);
        ((string?)first.Json["items"]![1]!["code"]).ShouldBe("validation_failed");

        var again = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { external_id = "a", custom_fields = new { tier = "gold" } },
                new { external_id = "a", custom_fields = new { tier = "silver" } },
            },
        });
        again.Json["items"]!.AsArray().Select(i => (string?)i!["status"]).ShouldBe(["unchanged", "updated"]);
        Names(await api.GetAsync("/api/v1/contacts?cf.tier=silver")).ShouldBe(["A"]);
    }
}
