using System.Diagnostics;
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

/// <summary>/api/v1/imports: files of rows checked up front, written in chunks by the import runner, and reverted.</summary>
public sealed class ImportTests : ApiTest
{
    private const string Imports = "/api/v1/imports";

    private static readonly Dictionary<string, string> ContactMapping = new()
    {
        ["Full name"] = "name",
        ["E-mail"] = "email",
        ["Phone"] = "phone",
        ["Seats"] = "cf.seats",
        ["Tags"] = "tags",
    };

    private static IImportRunner Runner => Testing.Factory.Services.GetRequiredService<IImportRunner>();

    private static async Task<Reply> UploadAsync(
        Api api, byte[] file, object? mapping = null, string mode = "create", string? matchOn = null, bool? dryRun = null,
        string fileName = "contacts.csv", string? ownerId = null, string recordType = "contacts", bool? createCompanies = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(recordType), "record_type");
        form.Add(new StringContent(JsonSerializer.Serialize(mapping ?? ContactMapping)), "mapping");
        form.Add(new StringContent(mode), "mode");
        if (matchOn is not null)
        {
            form.Add(new StringContent(matchOn), "match_on");
        }

        if (dryRun is not null)
        {
            form.Add(new StringContent(dryRun.Value ? "true" : "false"), "dry_run");
        }

        if (ownerId is not null)
        {
            form.Add(new StringContent(ownerId), "owner_id");
        }

        if (createCompanies is not null)
        {
            form.Add(new StringContent(createCompanies.Value ? "true" : "false"), "create_companies");
        }

        return await api.SendAsync(HttpMethod.Post, Imports, form);
    }

    private static async Task<string> StartAsync(
        Api api, byte[] file, object? mapping = null, string mode = "create", string? matchOn = null, bool? dryRun = null, string recordType = "contacts")
    {
        var reply = await UploadAsync(api, file, mapping, mode, matchOn, dryRun, recordType: recordType);
        reply.Status.ShouldBe(HttpStatusCode.Accepted, reply.Text);
        reply.Headers.Location!.ToString().ShouldBe($"{Imports}/{reply["id"]}");
        reply["status"].ShouldBe("queued");
        return reply["id"]!;
    }

    /// <summary>Runs every queued import, then reads the job.</summary>
    private static async Task<JsonNode> RunAsync(Api api, string id)
    {
        while (await Runner.RunNextAsync(CancellationToken.None))
        {
        }

        var job = await api.GetAsync($"{Imports}/{id}");
        job.Status.ShouldBe(HttpStatusCode.OK, job.Text);
        return job.Json;
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static List<string[]> ParseCsv(byte[] body)
    {
        body.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a byte order mark");
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

    [Test]
    public async Task A_file_of_good_bad_and_duplicate_rows_writes_the_good_ones_lists_the_rest_and_reverts()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        (await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "seats", label = "Seats", type = "number" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        var old = await asOwner.CreateContactAsync("Old Name", "old@example.com");
        var file = Csv(
            "Full name,E-mail,Phone,Seats,Tags,Notes",
            "Ada Lovelace,ada@example.com,+44 20 7946 0000,3,vip;board,first",
            "Bad Email,not-an-email,,,,",
            "Ada Again,ADA@example.com,,,,dup",
            ",noname@example.com,,,,",
            "Grace Hopper,grace@example.com,,many,,",
            "\"Old, Renamed\",old@example.com,,5,,",
            "Same Old,old@example.com,,,,");

        var id = await StartAsync(asOwner, file, mode: "upsert", matchOn: "email");
        var job = await RunAsync(asOwner, id);

        ((string?)job["status"]).ShouldBe("succeeded", job.ToJsonString());
        ((long?)job["progress"]!["rows_done"]).ShouldBe(7);
        ((long?)job["progress"]!["rows_total"]).ShouldBe(7);
        ((long?)job["counts"]!["created"]).ShouldBe(1);
        ((long?)job["counts"]!["updated"]).ShouldBe(1);
        ((long?)job["counts"]!["unchanged"]).ShouldBe(0);
        ((long?)job["counts"]!["failed"]).ShouldBe(5);
        ((string?)job["errors_url"]).ShouldBe($"{Imports}/{id}/errors");
        ((string?)job["revertible_until"]).ShouldNotBeNull();

        var (status, body, response) = await asOwner.GetBytesAsync($"{Imports}/{id}/errors");
        status.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = ParseCsv(body);
        rows[0].ShouldBe(["row", "code", "detail", "Full name", "E-mail", "Phone", "Seats", "Tags", "Notes"]);
        rows.Skip(1).Select(r => (r[0], r[1])).ShouldBe(
        [
            ("3", "validation_failed"), ("4", "import_duplicate_row"), ("5", "validation_failed"), ("6", "validation_failed"),
            ("8", "import_duplicate_row"),
        ]);
        rows[1][2].ShouldContain("email");
        rows[2][2].ShouldContain("Row 2");
        rows[3][2].ShouldContain("name");
        rows[4][2].ShouldContain("custom_fields.seats");
        rows[1][3..].ShouldBe(["Bad Email", "not-an-email", string.Empty, string.Empty, string.Empty, string.Empty]);

        var ada = (await asOwner.GetAsync("/api/v1/contacts?search=ada")).Json["items"]!.AsArray().Single()!;
        ((string?)ada["email"]).ShouldBe("ada@example.com");
        ((string?)ada["phone"]).ShouldBe("+44 20 7946 0000");
        ((string?)ada["owner_id"]).ShouldBe(owner.UserId.ToString());
        ada["tags"]!.AsArray().Select(t => (string?)t).ShouldBe(["vip", "board"]);
        ((decimal?)ada["custom_fields"]!["seats"]).ShouldBe(3m);
        var updated = (await asOwner.GetAsync($"/api/v1/contacts/{old}")).Json;
        ((string?)updated["name"]).ShouldBe("Old, Renamed");
        ((decimal?)updated["custom_fields"]!["seats"]).ShouldBe(5m);
        var timeline = (await asOwner.GetAsync($"/api/v1/contacts/{old}/activities")).Json.ToJsonString();
        timeline.ShouldContain("Old, Renamed");
        (await ScalarAsync("SELECT count(*) FROM audit_logs WHERE organization_id = $1 AND action = 'create_contact' AND entity_id = $2", owner.OrganizationId, Guid.Parse((string)ada["id"]!)))
            .ShouldBe(1);

        var revert = await asOwner.PostAsync($"{Imports}/{id}/revert");
        revert.Status.ShouldBe(HttpStatusCode.OK, revert.Text);
        ((long?)revert.Json["deleted"]).ShouldBe(1);
        ((long?)revert.Json["restored"]).ShouldBe(1);
        ((long?)revert.Json["skipped_total"]).ShouldBe(0);
        (await asOwner.GetAsync($"/api/v1/contacts/{ada["id"]}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var restored = (await asOwner.GetAsync($"/api/v1/contacts/{old}")).Json;
        ((string?)restored["name"]).ShouldBe("Old Name");
        restored["custom_fields"]!["seats"].ShouldBeNull();
        ((string?)(await asOwner.GetAsync($"{Imports}/{id}")).Json["status"]).ShouldBe("reverted");
        (await asOwner.PostAsync($"{Imports}/{id}/revert")).ShouldBeProblem(HttpStatusCode.Conflict, "import_not_revertible");
    }

    [Test]
    public async Task A_revert_leaves_alone_and_lists_what_changed_since_the_import()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var kept = await asOwner.CreateContactAsync("Kept Name", "kept@example.com");
        var id = await StartAsync(
            asOwner, Csv("Full name,E-mail", "Imported Name,kept@example.com", "New One,new@example.com", "New Two,two@example.com"),
            new Dictionary<string, string> { ["Full name"] = "name", ["E-mail"] = "email" }, "upsert");
        await RunAsync(asOwner, id);
        var created = (await asOwner.GetAsync("/api/v1/contacts?search=new one")).Json["items"]!.AsArray().Single()!["id"]!.ToString();
        (await asOwner.PatchAsync($"/api/v1/contacts/{kept}", new { name = "Changed Since" })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.PatchAsync($"/api/v1/contacts/{created}", new { phone = "+1 555 0100" })).Status.ShouldBe(HttpStatusCode.OK);

        var revert = await asOwner.PostAsync($"{Imports}/{id}/revert");

        revert.Status.ShouldBe(HttpStatusCode.OK, revert.Text);
        ((long?)revert.Json["deleted"]).ShouldBe(1);
        ((long?)revert.Json["restored"]).ShouldBe(0);
        var skipped = revert.Json["skipped"]!.AsArray().Select(s => ((string?)s!["record_id"], (string?)s["reason"], (string?)s["field"])).ToList();
        skipped.ShouldBe([(kept.ToString(), "changed_since_import", "name"), (created, "changed_since_import", null)], ignoreOrder: true);
        ((string?)(await asOwner.GetAsync($"/api/v1/contacts/{kept}")).Json["name"]).ShouldBe("Changed Since");
        (await asOwner.GetAsync($"/api/v1/contacts/{created}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_dry_run_counts_and_lists_failures_without_writing()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var mapping = new Dictionary<string, string> { ["name"] = "name", ["email"] = "email" };
        var id = await StartAsync(asOwner, Csv("name,email", "One,one@example.com", "Two,two@example.com", "Three,bad"), mapping, dryRun: true);

        var job = await RunAsync(asOwner, id);

        ((string?)job["status"]).ShouldBe("succeeded");
        ((bool?)job["dry_run"]).ShouldBe(true);
        ((long?)job["counts"]!["created"]).ShouldBe(2);
        ((long?)job["counts"]!["failed"]).ShouldBe(1);
        ((long?)(await asOwner.GetAsync("/api/v1/contacts")).Json["total"]).ShouldBe(0);
        (await asOwner.PostAsync($"{Imports}/{id}/revert")).ShouldBeProblem(HttpStatusCode.Conflict, "import_not_revertible");
    }

    [Test]
    public async Task A_row_whose_address_an_erasure_put_on_the_suppression_list_fails_as_suppressed()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var erased = await asOwner.CreateContactAsync("Gone Person", "Gone@Example.com");
        (await asOwner.PostAsync($"/api/v1/contacts/{erased}/erase")).Status.ShouldBe(HttpStatusCode.NoContent);
        var other = api.As(await api.RegisterAsync());
        var mapping = new Dictionary<string, string> { ["name"] = "name", ["email"] = "email" };

        var id = await StartAsync(asOwner, Csv("name,email", "Back Again, gone@example.com ", "New Person,new@example.com"), mapping);
        var theirs = await StartAsync(other, Csv("name,email", "Same Address,gone@example.com"), mapping);
        var job = await RunAsync(asOwner, id);

        ((long?)job["counts"]!["created"]).ShouldBe(1);
        ((long?)job["counts"]!["failed"]).ShouldBe(1);
        ParseCsv((await asOwner.GetBytesAsync($"{Imports}/{id}/errors")).Body).Skip(1).Select(r => (r[0], r[1])).ShouldBe([("2", "suppressed")]);
        ((long?)(await other.GetAsync($"{Imports}/{theirs}")).Json["counts"]!["created"]).ShouldBe(1);
    }

    [Test]
    public async Task A_file_in_create_mode_refuses_rows_whose_email_or_external_id_is_taken_and_reads_semicolons_and_a_bom()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        await asOwner.CreateContactAsync("Taken", "taken@example.com");
        var file = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Csv("Name;Email;Ref", "Zoë Ünal;zoe@example.com;Z-1", "Again;taken@example.com;Z-2", "Other;other@example.com;Z-1")).ToArray();
        var id = await StartAsync(asOwner, file, new Dictionary<string, string> { ["Name"] = "name", ["Email"] = "email", ["Ref"] = "external_id" }, matchOn: "external_id");

        var job = await RunAsync(asOwner, id);

        ((long?)job["counts"]!["created"]).ShouldBe(1);
        ((long?)job["counts"]!["failed"]).ShouldBe(2);
        var rows = ParseCsv((await asOwner.GetBytesAsync($"{Imports}/{id}/errors")).Body);
        rows.Skip(1).Select(r => r[1]).ShouldBe(["contact_email_taken", "import_duplicate_row"]);
        var zoe = (await asOwner.GetAsync("/api/v1/contacts?search=zoe")).Json["items"]!.AsArray().Single()!;
        ((string?)zoe["name"]).ShouldBe("Zoë Ünal");
        ((string?)zoe["external_id"]).ShouldBe("Z-1");
    }

    [Test]
    public async Task A_workbook_is_read_from_its_first_sheet()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var id = await StartAsync(asOwner, Xlsx(["Name", "Email"], ["Ada Lovelace", "ada@example.com"], ["Alan Turing", "alan@example.com"]),
            new Dictionary<string, string> { ["Name"] = "name", ["Email"] = "email" });

        var job = await RunAsync(asOwner, id);

        ((string?)job["format"]).ShouldBe("xlsx");
        ((long?)job["counts"]!["created"]).ShouldBe(2, job.ToJsonString());
        ((long?)(await asOwner.GetAsync("/api/v1/contacts")).Json["total"]).ShouldBe(2);
    }

    /// <summary>A minimal workbook: one sheet, strings shared (the first row) and inline (the others).</summary>
    private static byte[] Xlsx(params string[][] rows)
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            Entry("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Entry("xl/sharedStrings.xml", $"<?xml version=\"1.0\"?><sst xmlns=\"{main}\">{string.Concat(rows[0].Select(h => $"<si><t>{h}</t></si>"))}</sst>");
            var sheet = new StringBuilder($"<?xml version=\"1.0\"?><worksheet xmlns=\"{main}\"><sheetData>");
            sheet.Append("<row r=\"1\">").Append(string.Concat(rows[0].Select((_, i) => $"<c r=\"{(char)('A' + i)}1\" t=\"s\"><v>{i}</v></c>"))).Append("</row>");
            for (var r = 1; r < rows.Length; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">")
                    .Append(string.Concat(rows[r].Select((v, i) => $"<c r=\"{(char)('A' + i)}{r + 1}\" t=\"inlineStr\"><is><t>{v}</t></is></c>")))
                    .Append("</row>");
            }

            Entry("xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        }

        return output.ToArray();
    }

    [Test]
    public async Task A_file_is_refused_up_front_with_a_coded_problem_when_it_cannot_be_imported()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var mapping = new Dictionary<string, string> { ["name"] = "name", ["email"] = "email" };
        var good = Csv("name,email", "One,one@example.com");

        (await UploadAsync(asOwner, good, new Dictionary<string, string> { ["name"] = "nickname" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_unknown_field");
        (await UploadAsync(asOwner, good, new Dictionary<string, string> { ["name"] = "cf.unknown" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_unknown_field");
        (await UploadAsync(asOwner, good, new Dictionary<string, string> { ["Name"] = "name" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_column_missing");
        (await UploadAsync(asOwner, good, new Dictionary<string, string> { ["name"] = "name" }, mode: "upsert"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_match_column_missing");
        (await UploadAsync(asOwner, Encoding.Latin1.GetBytes("name,email\r\nJosé,jose@example.com\r\n"), mapping))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "import_file_encoding");
        (await UploadAsync(asOwner, [], mapping)).ShouldBeProblem(HttpStatusCode.BadRequest, "import_file_empty");
        (await UploadAsync(asOwner, Csv("name,email"), mapping)).ShouldBeProblem(HttpStatusCode.BadRequest, "import_file_empty");
        (await UploadAsync(asOwner, Csv("name,name", "a,b"), mapping)).ShouldBeProblem(HttpStatusCode.BadRequest, "import_header_invalid");
        (await UploadAsync(asOwner, [0x50, 0x4B, 0x03, 0x04, 0x00], mapping)).ShouldBeProblem(HttpStatusCode.BadRequest, "import_file_unreadable");
        (await UploadAsync(asOwner, good, new Dictionary<string, string> { ["name"] = "name", ["email"] = "name" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await UploadAsync(asOwner, good, mapping, ownerId: Guid.NewGuid().ToString()))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "user_not_member");
        var form = new MultipartFormDataContent { { new StringContent("{not json"), "mapping" }, { new StringContent("people"), "record_type" } };
        var malformed = (await asOwner.SendAsync(HttpMethod.Post, Imports, form)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        malformed.Json["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["file", "record_type", "mapping"], ignoreOrder: true);
        ((long?)(await asOwner.GetAsync(Imports)).Json["total"]).ShouldBe(0, "nothing refused was queued");
    }

    [Test]
    public async Task Owners_admins_and_managers_import_members_do_not_and_only_owners_and_admins_revert()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var mapping = new Dictionary<string, string> { ["name"] = "name" };
        foreach (var role in new[] { "owner", "admin", "manager" })
        {
            (await UploadAsync(api.As(team[role]), Csv("name", $"From {role}"), mapping)).Status.ShouldBe(HttpStatusCode.Accepted);
            while (await Runner.RunNextAsync(CancellationToken.None))
            {
            }
        }

        (await UploadAsync(api.As(team.Member), Csv("name", "From member"), mapping)).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        var mine = (await api.As(team.Manager).GetAsync(Imports)).Json;
        ((long?)mine["total"]).ShouldBe(1, "a manager sees their own imports");
        var all = (await api.As(team.Admin).GetAsync(Imports)).Json;
        ((long?)all["total"]).ShouldBe(3, "an admin sees everyone's");
        var managers = (string)mine["items"]![0]!["id"]!;
        (await api.As(team.Manager).PostAsync($"{Imports}/{managers}/revert")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team.Member).GetAsync($"{Imports}/{managers}")).ShouldBeProblem(HttpStatusCode.NotFound, "import_not_found");
        (await api.As(team.Admin).PostAsync($"{Imports}/{managers}/revert")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Another_organizations_import_is_not_found_and_a_foreign_organization_header_is_refused()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var id = await StartAsync(api.As(owner), Csv("name", "Mine"), new Dictionary<string, string> { ["name"] = "name" });
        await RunAsync(api.As(owner), id);

        (await api.As(stranger).GetAsync($"{Imports}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "import_not_found");
        (await api.As(stranger).GetAsync($"{Imports}/{id}/errors")).ShouldBeProblem(HttpStatusCode.NotFound, "import_not_found");
        (await api.As(stranger).PostAsync($"{Imports}/{id}/revert")).ShouldBeProblem(HttpStatusCode.NotFound, "import_not_found");
        (await api.As(stranger, owner.OrganizationId).GetAsync($"{Imports}/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await UploadAsync(api.As(stranger, owner.OrganizationId), Csv("name", "x"), new Dictionary<string, string> { ["name"] = "name" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        ((long?)(await api.As(stranger).GetAsync(Imports)).Json["total"]).ShouldBe(0);
    }

    [Test]
    public async Task An_import_whose_runner_died_is_resumed_and_one_that_keeps_failing_ends_failed_never_stuck_running()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var mapping = new Dictionary<string, string> { ["name"] = "name" };
        var resumed = await StartAsync(asOwner, Csv("name", "One", "Two"), mapping);
        // As if a runner had claimed it and died: running, its lease lapsed.
        await ScalarAsync("UPDATE import_jobs SET status = 'running', attempts = 1, locked_until = now() - interval '1 second' WHERE id = $1", Guid.Parse(resumed));

        var job = await RunAsync(asOwner, resumed);

        ((string?)job["status"]).ShouldBe("succeeded");
        ((long?)job["counts"]!["created"]).ShouldBe(2);

        var doomed = await StartAsync(asOwner, Csv("name", "Three"), mapping);
        await ScalarAsync("UPDATE import_jobs SET status = 'running', attempts = 3, locked_until = now() - interval '1 second' WHERE id = $1", Guid.Parse(doomed));
        job = await RunAsync(asOwner, doomed);

        ((string?)job["status"]).ShouldBe("failed");
        ((string?)job["error_code"]).ShouldBe("import_failed");
        (await ScalarAsync("SELECT count(*) FROM import_jobs WHERE status = 'running' AND organization_id = $1", owner.OrganizationId)).ShouldBe(0);
    }

    [Test]
    public async Task Its_requester_is_told_in_the_app_when_an_import_succeeds_and_when_it_fails()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        await NotificationQueue.StartEmptyAsync();
        var mapping = new Dictionary<string, string> { ["name"] = "name", ["email"] = "email" };
        var good = await StartAsync(asOwner, Csv("name,email", "One,one@example.com", "Bad,not-an-email"), mapping);
        await RunAsync(asOwner, good);
        var doomed = await StartAsync(asOwner, Csv("name,email", "Two,two@example.com"), mapping);
        await ScalarAsync("UPDATE import_jobs SET status = 'running', attempts = 3, locked_until = now() - interval '1 second' WHERE id = $1", Guid.Parse(doomed));
        ((string?)(await RunAsync(asOwner, doomed))["status"]).ShouldBe("failed");
        await NotificationQueue.ProcessAsync();

        var items = await NotificationQueue.OfAsync(api, owner);
        items.Select(n => (string?)n["type"]).ShouldBe(["import_finished", "import_finished"]);
        items.Select(n => (string?)n["record"]!["id"]).ShouldBe([doomed, good], ignoreOrder: true);
        var succeeded = items.Single(n => (string?)n["record"]!["id"] == good);
        ((string?)succeeded["record"]!["type"]).ShouldBe("import");
        ((string?)succeeded["body"]).ShouldBe("contacts.csv: 1 created, 0 updated, 1 failed");
        ((string?)items.Single(n => (string?)n["record"]!["id"] == doomed)["body"]).ShouldBe("contacts.csv: stopped (import_failed) after 0 created, 0 updated, 0 failed");
    }

    [Test]
    public async Task The_purge_forgets_imports_finished_thirty_days_ago_with_their_rows_and_keeps_what_they_wrote()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var mapping = new Dictionary<string, string> { ["name"] = "name", ["email"] = "email" };
        var old = await StartAsync(asOwner, Csv("name,email", "Kept Contact,kept@example.com", "Bad,not-an-email"), mapping);
        await RunAsync(asOwner, old);
        var recent = await StartAsync(asOwner, Csv("name,email", "Recent,recent@example.com"), mapping);
        await RunAsync(asOwner, recent);
        await ScalarAsync("UPDATE import_jobs SET finished_at = now() - interval '31 days', created_at = now() - interval '31 days' WHERE id = $1", Guid.Parse(old));

        (await Testing.Factory.Services.GetRequiredService<ImportPurgeJob>().PurgeAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        (await asOwner.GetAsync($"{Imports}/{old}")).ShouldBeProblem(HttpStatusCode.NotFound, "import_not_found");
        (await asOwner.GetAsync($"{Imports}/{old}/errors")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ScalarAsync("SELECT count(*) FROM import_errors WHERE import_id = $1", Guid.Parse(old))).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM import_records WHERE import_id = $1", Guid.Parse(old))).ShouldBe(0);
        (await asOwner.GetAsync($"{Imports}/{recent}")).Status.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync("SELECT count(*) FROM contacts WHERE organization_id = $1 AND email = 'kept@example.com'", owner.OrganizationId)).ShouldBe(1);
    }

    [Test]
    public async Task Contacts_link_to_companies_by_domain_or_name_create_the_missing_ones_once_if_asked_and_a_revert_deletes_those()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var acme = (await asOwner.PostAsync("/api/v1/companies", new { name = "Acme", domain = "acme.example" }))["id"]!;
        (await asOwner.PostAsync("/api/v1/companies", new { name = "Twin" })).Status.ShouldBe(HttpStatusCode.Created);
        (await asOwner.PostAsync("/api/v1/companies", new { name = "twin" })).Status.ShouldBe(HttpStatusCode.Created);
        var foreign = (await api.As(stranger).PostAsync("/api/v1/companies", new { name = "Foreign", domain = "foreign.example" }))["id"]!;
        var mapping = new Dictionary<string, string>
        {
            ["name"] = "name",
            ["email"] = "email",
            ["company_domain"] = "company_domain",
            ["company_name"] = "company_name",
        };

        var first = await UploadAsync(
            asOwner,
            Csv("name,email,company_domain,company_name", "Ann,ann@x.example,https://ACME.example,", "Bob,bob@x.example,,acme",
                "Cy,cy@x.example,,Twin", "Di,di@x.example,foreign.example,", "Ed,ed@x.example,,New Co"),
            mapping);
        var job = await RunAsync(asOwner, first["id"]!);
        ((long?)job["counts"]!["created"]).ShouldBe(2);
        var errors = ParseCsv((await asOwner.GetBytesAsync($"{Imports}/{first["id"]}/errors")).Body);
        errors.Skip(1).Select(r => (r[0], r[1])).ShouldBe(
            [("4", "import_company_ambiguous"), ("5", "import_company_not_found"), ("6", "import_company_not_found")]);
        var linked = (await asOwner.GetAsync("/api/v1/contacts?search=x.example")).Json["items"]!.AsArray();
        linked.Select(c => (string?)c!["company_id"]).ShouldBe([acme, acme]);

        var second = await UploadAsync(
            asOwner,
            Csv("name,email,company_domain,company_name", "Fay,fay@x.example,foreign.example,", "Gus,gus@x.example,,New Co",
                "Hal,hal@x.example,,new co", "Ivy,ivy@x.example,bad domain,"),
            mapping, createCompanies: true);
        second.Status.ShouldBe(HttpStatusCode.Accepted, second.Text);
        ((bool?)second.Json["create_companies"]).ShouldBe(true);
        job = await RunAsync(asOwner, second["id"]!);
        ((long?)job["counts"]!["created"]).ShouldBe(3);
        ((long?)job["counts"]!["failed"]).ShouldBe(1);
        (await ScalarAsync("SELECT count(*) FROM companies WHERE organization_id = $1", owner.OrganizationId)).ShouldBe(5);
        (await ScalarAsync("SELECT count(DISTINCT company_id) FROM contacts WHERE organization_id = $1 AND email IN ('gus@x.example', 'hal@x.example')", owner.OrganizationId))
            .ShouldBe(1);
        (await ScalarAsync("SELECT count(*) FROM contacts WHERE organization_id = $1 AND email = 'fay@x.example' AND company_id = $2", owner.OrganizationId, Guid.Parse(foreign)))
            .ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM audit_logs WHERE organization_id = $1 AND action = 'create_company'", owner.OrganizationId)).ShouldBe(5);
        ((string?)(await api.As(stranger).GetAsync($"/api/v1/companies/{foreign}")).Json["name"]).ShouldBe("Foreign");

        var revert = await asOwner.PostAsync($"{Imports}/{second["id"]}/revert");
        revert.Status.ShouldBe(HttpStatusCode.OK, revert.Text);
        ((long?)revert.Json["deleted"]).ShouldBe(5);
        (await ScalarAsync("SELECT count(*) FROM companies WHERE organization_id = $1", owner.OrganizationId)).ShouldBe(3);
    }

    [Test]
    public async Task Creating_companies_is_refused_for_a_mapping_that_names_none_or_for_another_record_type()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());

        (await UploadAsync(asOwner, Csv("name", "Ann"), new Dictionary<string, string> { ["name"] = "name" }, createCompanies: true))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await UploadAsync(asOwner, Csv("name,domain", "Acme,acme.example"), new Dictionary<string, string> { ["name"] = "name", ["domain"] = "domain" },
                recordType: "companies", createCompanies: true))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var form = await UploadAsync(asOwner, Csv("name", "Ann"), new Dictionary<string, string> { ["name"] = "name" });
        form.Status.ShouldBe(HttpStatusCode.Accepted);
        ((bool?)form.Json["create_companies"]).ShouldBe(false);
    }

    [Test]
    public async Task At_most_three_imports_of_an_organization_wait_at_once_even_sent_together()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var mapping = new Dictionary<string, string> { ["name"] = "name" };

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => UploadAsync(asOwner, Csv("name", $"N{i}"), mapping)));

        replies.Count(r => r.Status == HttpStatusCode.Accepted).ShouldBeLessThanOrEqualTo(3);
        (await UploadAsync(asOwner, Csv("name", "N5"), mapping)).ShouldBeProblem(HttpStatusCode.Conflict, "import_limit_reached");
    }

    [Test]
    public async Task A_hundred_thousand_row_file_is_imported_with_flat_memory()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var csv = new StringBuilder("name,email,phone\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append("Person ").Append(i).Append(",person").Append(i).Append("@example.com,+1 555 ").Append(100_000 + i).Append("\r\n");
        }

        var id = await StartAsync(asOwner, Encoding.UTF8.GetBytes(csv.ToString()), new Dictionary<string, string> { ["name"] = "name", ["email"] = "email", ["phone"] = "phone" });
        csv.Clear();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(50);
            }
        });
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var watch = Stopwatch.StartNew();
        while (await Runner.RunNextAsync(bounded.Token))
        {
        }

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        var job = (await asOwner.GetAsync($"{Imports}/{id}")).Json;

        ((string?)job["status"]).ShouldBe("succeeded", job.ToJsonString());
        ((long?)job["counts"]!["created"]).ShouldBe(100_000);
        ((long?)job["progress"]!["rows_done"]).ShouldBe(100_000);
        (await ScalarAsync("SELECT count(*) FROM contacts WHERE organization_id = $1", owner.OrganizationId)).ShouldBe(100_000);
        (await ScalarAsync("SELECT count(*) FROM activities WHERE organization_id = $1 AND contact_id IS NOT NULL", owner.OrganizationId)).ShouldBe(100_000);
        var growth = (peak - before) / (1024 * 1024);
        TestContext.Out.WriteLine($"100,000 rows in {watch.Elapsed.TotalSeconds:0.0} s; managed heap grew by at most {growth} MB");
        growth.ShouldBeLessThan(256, "rows are read and written a chunk at a time");
    }
}
