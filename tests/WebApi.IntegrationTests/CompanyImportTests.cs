using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Infrastructure.Imports;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using Npgsql;

namespace Crm.WebApi.IntegrationTests;

/// <summary>/api/v1/imports of companies: matched on the normalised domain, with the rules, timeline, audit and revert of contacts' imports.</summary>
public sealed class CompanyImportTests : ApiTest
{
    private const string Imports = "/api/v1/imports";

    private static readonly Dictionary<string, string> CompanyMapping = new()
    {
        ["Company"] = "name",
        ["Web"] = "domain",
        ["Industry"] = "industry",
        ["Employees"] = "employee_count",
        ["City"] = "address_city",
        ["Country"] = "address_country",
        ["Tier"] = "cf.tier",
        ["Tags"] = "tags",
    };

    private static IImportRunner Runner => Testing.Factory.Services.GetRequiredService<IImportRunner>();

    private static async Task<Reply> UploadAsync(Api api, string csv, object? mapping = null, string mode = "upsert", string? matchOn = null, bool dryRun = false)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "companies.csv");
        form.Add(new StringContent("companies"), "record_type");
        form.Add(new StringContent(JsonSerializer.Serialize(mapping ?? CompanyMapping)), "mapping");
        form.Add(new StringContent(mode), "mode");
        if (matchOn is not null)
        {
            form.Add(new StringContent(matchOn), "match_on");
        }

        form.Add(new StringContent(dryRun ? "true" : "false"), "dry_run");
        return await api.SendAsync(HttpMethod.Post, Imports, form);
    }

    private static async Task<JsonNode> ImportAsync(Api api, string csv, object? mapping = null, string mode = "upsert", bool dryRun = false)
    {
        var reply = await UploadAsync(api, csv, mapping, mode, dryRun: dryRun);
        reply.Status.ShouldBe(HttpStatusCode.Accepted, reply.Text);
        ((string?)reply.Json["record_type"]).ShouldBe("companies");
        while (await Runner.RunNextAsync(CancellationToken.None))
        {
        }

        var job = await api.GetAsync($"{Imports}/{reply["id"]}");
        job.Status.ShouldBe(HttpStatusCode.OK, job.Text);
        ((string?)job.Json["status"]).ShouldBe("succeeded", job.Text);
        return job.Json;
    }

    private static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static async Task<List<string[]>> ErrorsAsync(Api api, string id)
    {
        var (status, body, _) = await api.GetBytesAsync($"{Imports}/{id}/errors");
        status.ShouldBe(HttpStatusCode.OK);
        using var parser = new TextFieldParser(new MemoryStream(body), Encoding.UTF8) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    private static async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> CreateCompanyAsync(Api api, object body)
    {
        var created = await api.PostAsync("/api/v1/companies", body);
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        return created["id"]!;
    }

    [Test]
    public async Task A_file_creates_and_updates_companies_by_normalised_domain_lists_failed_rows_and_reverts()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        (await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "company", key = "tier", label = "Tier", type = "text" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        var old = await CreateCompanyAsync(asOwner, new { name = "Old Co", domain = "old.example" });
        var csv = Csv(
            "Company,Web,Industry,Employees,City,Country,Tier,Tags,Notes",
            "Acme,https://Acme.example/about,Software,\"1,200\",Berlin,de,gold,key;emea,first",
            "Acme Again,acme.example,,,,,,,dup",
            "Bad Domain,not a domain,,,,,,,",
            "Many,many.example,,lots,,,,,",
            ",nameless.example,,,,,,,",
            "Old Co Renamed,OLD.example,Retail,,Paris,FR,silver,,");

        var job = await ImportAsync(asOwner, csv);

        ((long?)job["counts"]!["created"]).ShouldBe(1);
        ((long?)job["counts"]!["updated"]).ShouldBe(1);
        ((long?)job["counts"]!["failed"]).ShouldBe(4);
        var id = (string)job["id"]!;
        var errors = await ErrorsAsync(asOwner, id);
        errors.Skip(1).Select(r => (r[0], r[1])).ShouldBe(
        [
            ("3", "import_duplicate_row"), ("4", "validation_failed"), ("5", "validation_failed"), ("6", "validation_failed"),
        ]);
        errors[2][2].ShouldContain("domain");
        errors[3][2].ShouldContain("employee_count");
        errors[4][2].ShouldContain("name");

        var acme = (await asOwner.GetAsync("/api/v1/companies?search=acme")).Json["items"]!.AsArray().Single()!;
        ((string?)acme["domain"]).ShouldBe("acme.example");
        ((string?)acme["industry"]).ShouldBe("Software");
        ((int?)acme["employee_count"]).ShouldBe(1200);
        ((string?)acme["address"]!["city"]).ShouldBe("Berlin");
        ((string?)acme["address"]!["country"]).ShouldBe("DE");
        ((string?)acme["custom_fields"]!["tier"]).ShouldBe("gold");
        acme["tags"]!.AsArray().Select(t => (string?)t).ShouldBe(["key", "emea"]);
        ((string?)acme["owner_id"]).ShouldBe(owner.UserId.ToString());
        var renamed = (await asOwner.GetAsync($"/api/v1/companies/{old}")).Json;
        ((string?)renamed["name"]).ShouldBe("Old Co Renamed");
        ((string?)renamed["industry"]).ShouldBe("Retail");
        ((string?)renamed["address"]!["city"]).ShouldBe("Paris");
        (await asOwner.GetAsync($"/api/v1/companies/{old}/activities")).Text.ShouldContain("Old Co Renamed");
        (await asOwner.GetAsync($"/api/v1/companies/{acme["id"]}/activities")).Text.ShouldContain("company_created");
        (await ScalarAsync("SELECT count(*) FROM audit_logs WHERE organization_id = $1 AND action = 'create_company' AND entity_id = $2", owner.OrganizationId, Guid.Parse((string)acme["id"]!)))
            .ShouldBe(1);
        (await ScalarAsync("SELECT count(*) FROM audit_logs WHERE organization_id = $1 AND action = 'update_company' AND entity_id = $2", owner.OrganizationId, Guid.Parse(old)))
            .ShouldBe(1);

        var again = await ImportAsync(asOwner, csv);
        ((long?)again["counts"]!["created"]).ShouldBe(0);
        ((long?)again["counts"]!["updated"]).ShouldBe(0);
        ((long?)again["counts"]!["unchanged"]).ShouldBe(2);

        var revert = await asOwner.PostAsync($"{Imports}/{id}/revert");
        revert.Status.ShouldBe(HttpStatusCode.OK, revert.Text);
        ((long?)revert.Json["deleted"]).ShouldBe(1);
        ((long?)revert.Json["restored"]).ShouldBe(1);
        ((long?)revert.Json["skipped_total"]).ShouldBe(0);
        (await asOwner.GetAsync($"/api/v1/companies/{acme["id"]}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var restored = (await asOwner.GetAsync($"/api/v1/companies/{old}")).Json;
        ((string?)restored["name"]).ShouldBe("Old Co");
        restored["industry"].ShouldBeNull();
        restored["address"]!["city"].ShouldBeNull();
        restored["custom_fields"]!["tier"].ShouldBeNull();
        (await ScalarAsync("SELECT count(*) FROM audit_logs WHERE organization_id = $1 AND action = 'delete_company'", owner.OrganizationId)).ShouldBe(1);
    }

    [Test]
    public async Task A_revert_keeps_a_created_company_that_contacts_now_work_at_and_a_field_changed_since()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var old = await CreateCompanyAsync(asOwner, new { name = "Old Co", domain = "old.example" });
        var job = await ImportAsync(
            asOwner, Csv("Company,Web", "Used Co,used.example", "Old Co Renamed,old.example"),
            new Dictionary<string, string> { ["Company"] = "name", ["Web"] = "domain" });
        var used = (await asOwner.GetAsync("/api/v1/companies?search=used")).Json["items"]!.AsArray().Single()!["id"]!.ToString();
        (await asOwner.PostAsync("/api/v1/contacts", new { name = "Works There", company_id = used })).Status.ShouldBe(HttpStatusCode.Created);
        (await asOwner.PatchAsync($"/api/v1/companies/{old}", new { name = "Changed Since" })).Status.ShouldBe(HttpStatusCode.OK);

        var revert = await asOwner.PostAsync($"{Imports}/{job["id"]}/revert");

        revert.Status.ShouldBe(HttpStatusCode.OK, revert.Text);
        ((long?)revert.Json["deleted"]).ShouldBe(0);
        ((long?)revert.Json["restored"]).ShouldBe(0);
        revert.Json["skipped"]!.AsArray().Select(s => ((string?)s!["reason"], (string?)s["field"]))
            .ShouldBe([("in_use", null), ("changed_since_import", "name")], ignoreOrder: true);
        ((string?)(await asOwner.GetAsync($"/api/v1/companies/{old}")).Json["name"]).ShouldBe("Changed Since");
    }

    [Test]
    public async Task Create_mode_refuses_a_taken_domain_a_dry_run_writes_nothing_and_another_organization_is_never_touched()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var theirs = await CreateCompanyAsync(api.As(stranger), new { name = "Their Co", domain = "shared.example" });
        await CreateCompanyAsync(api.As(owner), new { name = "Mine", domain = "mine.example" });
        var mapping = new Dictionary<string, string> { ["Company"] = "name", ["Web"] = "domain", ["Owner"] = "owner_id" };

        var dry = await ImportAsync(api.As(owner), Csv("Company,Web,Owner", "Shared,shared.example,", "New,new.example,"), mapping, dryRun: true);
        ((long?)dry["counts"]!["created"]).ShouldBe(2);
        (await ScalarAsync("SELECT count(*) FROM companies WHERE organization_id = $1", owner.OrganizationId)).ShouldBe(1);

        var job = await ImportAsync(
            api.As(owner),
            Csv("Company,Web,Owner", "Shared,shared.example,", "Taken,www.mine.example,", $"Foreign owner,owner.example,{stranger.UserId}"),
            mapping, mode: "create");

        ((long?)job["counts"]!["created"]).ShouldBe(1);
        ((long?)job["counts"]!["failed"]).ShouldBe(2);
        var errors = await ErrorsAsync(api.As(owner), (string)job["id"]!);
        errors.Skip(1).Select(r => (r[0], r[1])).ShouldBe([("3", "company_domain_taken"), ("4", "user_not_member")]);
        ((string?)(await api.As(stranger).GetAsync($"/api/v1/companies/{theirs}")).Json["name"]).ShouldBe("Their Co");
        (await ScalarAsync("SELECT count(*) FROM companies WHERE domain = 'shared.example'")).ShouldBeGreaterThanOrEqualTo(2);
        (await api.As(stranger).GetAsync($"{Imports}/{job["id"]}")).ShouldBeProblem(HttpStatusCode.NotFound, "import_not_found");
    }

    [Test]
    public async Task A_mapping_that_does_not_fit_companies_is_refused_up_front_and_members_may_not_import()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var asOwner = api.As(team.Owner);
        (await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "seats", label = "Seats", type = "number" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        var csv = Csv("Company,Web,E-mail,Seats", "Acme,acme.example,a@acme.example,3");

        (await UploadAsync(asOwner, csv, new Dictionary<string, string> { ["Company"] = "name", ["E-mail"] = "email" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_unknown_field");
        (await UploadAsync(asOwner, csv, new Dictionary<string, string> { ["Company"] = "name", ["Seats"] = "cf.seats" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_unknown_field");
        (await UploadAsync(asOwner, csv, new Dictionary<string, string> { ["Company"] = "name" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_match_column_missing");
        (await UploadAsync(asOwner, csv, new Dictionary<string, string> { ["Company"] = "name", ["Web"] = "domain" }, matchOn: "email"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await UploadAsync(asOwner, csv, new Dictionary<string, string> { ["Company"] = "name", ["Web"] = "domain" }, matchOn: "nonsense"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await UploadAsync(api.As(team.Member), csv, new Dictionary<string, string> { ["Company"] = "name", ["Web"] = "domain" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await UploadAsync(api.As(team.Manager), csv, new Dictionary<string, string> { ["Company"] = "name", ["Web"] = "domain" }))
            .Status.ShouldBe(HttpStatusCode.Accepted);
    }
}
