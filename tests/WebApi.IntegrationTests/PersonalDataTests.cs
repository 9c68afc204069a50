using System.Net;
using System.Security.Cryptography;
using Crm.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Crm.WebApi.IntegrationTests;

/// <summary>A contact's personal data: its export, its erasure, and the suppression list that erasure feeds.</summary>
public sealed class PersonalDataTests : ApiTest
{
    private const string Name = "Grace Brewster Hopper";
    private const string Email = "grace.hopper@navy.example";
    private const string Phone = "+1 (202) 555-0143";
    private const string Segment = "Cobol pioneers";
    private const string ExternalId = "sf-grace-7781";
    private const string Tag = "Admiral circle";
    private const string NoteBody = "Grace prefers calls before noon";
    private const string FileName = "grace-hopper-passport.pdf";

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. RandomNumberGenerator.GetBytes(500)];

    /// <summary>A contact with every kind of personal data, and records about it, made through the API.</summary>
    private static async Task<(Guid Contact, Guid Deal, Guid Attachment)> PersonAsync(Api api)
    {
        (await api.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "segment", label = "Segment", type = "text" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsync("/api/v1/webhooks", new { url = "https://203.0.113.10/crm-hooks", events = new[] { "contact.*" } }))
            .Status.ShouldBe(HttpStatusCode.Created);
        var created = await api.SendAsync(
            HttpMethod.Post, "/api/v1/contacts",
            new { name = "Grace Hopper", email = Email, phone = "+1 (202) 555-0100", external_id = ExternalId, tags = new[] { Tag }, custom_fields = new { segment = "Navy" } },
            ("Idempotency-Key", "create-grace"));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var contact = Guid.Parse(created["id"]!);
        (await api.PatchAsync($"/api/v1/contacts/{contact}", new { name = Name, phone = Phone, custom_fields = new { segment = Segment } }))
            .Status.ShouldBe(HttpStatusCode.OK);
        var call = await api.PostAsync("/api/v1/activities", new
        {
            type = "call",
            subject = "About Grace Hopper",
            body = NoteBody,
            occurred_at = "2026-11-20T10:15:00Z",
            duration_minutes = 25,
            outcome = "connected",
            contact_id = contact,
        });
        call.Status.ShouldBe(HttpStatusCode.Created, call.Text);
        var deal = await api.CreateDealAsync(contact);
        await api.CreateTaskAsync(deal, "Send the offer");
        var attachment = await api.UploadAsync($"/api/v1/contacts/{contact}/attachments", Pdf, FileName, "application/pdf");
        attachment.Status.ShouldBe(HttpStatusCode.Created, attachment.Text);
        return (contact, deal, Guid.Parse(attachment["id"]!));
    }

    [Test]
    public async Task The_personal_data_document_holds_the_contact_and_everything_about_it()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var (contact, deal, attachment) = await PersonAsync(api);

        var reply = await api.GetAsync($"/api/v1/contacts/{contact}/personal-data");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var json = reply.Json;
        ((string?)json["contact"]!["name"]).ShouldBe(Name);
        ((string?)json["contact"]!["email"]).ShouldBe(Email);
        ((string?)json["contact"]!["custom_fields"]!["segment"]).ShouldBe(Segment);
        json["contact"]!["tags"]!.AsArray().Select(t => (string?)t).ShouldBe([Tag]);
        json["activities"]!.AsArray().ShouldContain(a => (string?)a!["body"] == NoteBody);
        json["activities"]!.AsArray().ShouldContain(a => (string?)a!["type"] == "contact_updated");
        json["deals"]!.AsArray().Select(d => (string?)d!["id"]).ShouldBe([deal.ToString()]);
        json["tasks"]!.AsArray().Select(t => (string?)t!["title"]).ShouldBe(["Send the offer"]);
        json["attachments"]!.AsArray().Select(a => (string?)a!["id"]).ShouldBe([attachment.ToString()]);
        ((string?)json["attachments"]![0]!["file_name"]).ShouldBe(FileName);
        json["audit_entries"]!.AsArray().Select(e => (string?)e!["action"]).ShouldBe(["update_contact", "create_contact"]);
        ((bool?)json["truncated"]).ShouldBe(false);
        json["exported_at"].ShouldNotBeNull();
    }

    [Test]
    public async Task Erasure_leaves_no_personal_value_in_any_text_column_of_the_database()
    {
        var owner = await NewApi().RegisterAsync();
        var api = NewApi().As(owner);
        var (contact, deal, attachment) = await PersonAsync(api);
        var storageKey = await Testing.Database.ScalarAsync<string>($"SELECT storage_key FROM attachments WHERE id = '{attachment}'");

        var erased = await api.PostAsync($"/api/v1/contacts/{contact}/erase");

        erased.Status.ShouldBe(HttpStatusCode.NoContent, erased.Text);
        var found = await FindAnywhereAsync(Name, "Grace Hopper", Email, Phone, "555-0100", Segment, "Navy", ExternalId, Tag, NoteBody, FileName, "About Grace");
        found.ShouldBeEmpty();
        var read = await api.GetAsync($"/api/v1/contacts/{contact}");
        ((string?)read["name"]).ShouldBe("Erased contact");
        read.Json["email"].ShouldBeNull();
        read.Json["phone"].ShouldBeNull();
        read.Json["external_id"].ShouldBeNull();
        read.Json["tags"]!.AsArray().ShouldBeEmpty();
        read.Json["custom_fields"]!.AsObject().ShouldBeEmpty();
        (await api.GetAsync($"/api/v1/deals/{deal}")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/attachments/{attachment}/content")).Status.ShouldBe(HttpStatusCode.NotFound);
        StorageShouldNotHold(storageKey!);
        (await api.GetAsync("/api/v1/contacts?search=hopper")).Json["items"]!.AsArray().ShouldBeEmpty();
        var note = (await api.GetAsync($"/api/v1/contacts/{contact}/activities")).Json["items"]!.AsArray().Single(a => (string?)a!["type"] == "call");
        ((string?)note!["body"]).ShouldBe("[erased]");
        ((string?)note["subject"]).ShouldBe("[erased]");
        var audit = await api.GetAsync($"/api/v1/audit-logs?entity_id={contact}");
        var entry = audit.Json["items"]!.AsArray().First(e => (string?)e!["action"] == "erase_contact")!;
        ((string?)entry["actor_id"]).ShouldBe(owner.UserId.ToString());
        entry["changes"]!.AsArray().Select(c => (string?)c!["field"]).ShouldContain("email");
        audit.Json["items"]!.AsArray().Select(e => (string?)e!["action"]).ShouldContain("create_contact");

        (await api.PostAsync($"/api/v1/contacts/{contact}/erase")).Status.ShouldBe(HttpStatusCode.NoContent, "erasing again");
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM suppressions WHERE organization_id = '{owner.OrganizationId}'")).ShouldBe(1);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM record_changes WHERE record_id = '{contact}' AND lower(action) = 'updated'")).ShouldBeGreaterThan(1);
    }

    [Test]
    public async Task A_suppressed_address_is_refused_and_skipped_in_batches_until_an_owner_lifts_it()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var owner = api.As(team.Owner);
        var contact = await owner.CreateContactAsync("Grace Hopper", Email);
        (await owner.PostAsync($"/api/v1/contacts/{contact}/erase")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await owner.PostAsync("/api/v1/contacts", new { name = "Grace again", email = "  GRACE.Hopper@navy.example " }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "suppressed");
        var other = await owner.CreateContactAsync("Ada Lovelace", "ada@example.com");
        (await owner.PatchAsync($"/api/v1/contacts/{other}", new { email = Email })).ShouldBeProblem(HttpStatusCode.Conflict, "suppressed");
        var batch = await owner.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "email",
            items = new object[] { new { name = "Grace", email = Email }, new { name = "Alan Turing", email = "alan@example.com" } },
        });
        batch.Status.ShouldBe(HttpStatusCode.OK, batch.Text);
        ((string?)batch.Json["items"]![0]!["status"]).ShouldBe("failed");
        ((string?)batch.Json["items"]![0]!["code"]).ShouldBe("suppressed");
        ((string?)batch.Json["items"]![1]!["status"]).ShouldBe("created");

        var list = await api.As(team.Admin).GetAsync("/api/v1/suppressions");
        list.Status.ShouldBe(HttpStatusCode.OK, list.Text);
        var item = list.Json["items"]!.AsArray().ShouldHaveSingleItem()!;
        var hash = (string)item["hash"]!;
        hash.ShouldMatch("^[0-9a-f]{64}$");
        ((string?)item["reason"]).ShouldBe("erasure");
        list.Text.ShouldNotContain("grace", Case.Insensitive);
        ((string?)(await owner.GetAsync($"/api/v1/suppressions?email={Uri.EscapeDataString("Grace.Hopper@Navy.example")}")).Json["items"]![0]!["hash"]).ShouldBe(hash);
        (await owner.GetAsync("/api/v1/suppressions?email=nobody@example.com")).Json["items"]!.AsArray().ShouldBeEmpty();

        (await api.As(team.Admin).DeleteAsync($"/api/v1/suppressions/{hash}")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await owner.DeleteAsync("/api/v1/suppressions/not-a-hash")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await owner.DeleteAsync($"/api/v1/suppressions/{hash}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await owner.DeleteAsync($"/api/v1/suppressions/{hash}")).ShouldBeProblem(HttpStatusCode.NotFound, "suppression_not_found");
        (await owner.PostAsync("/api/v1/contacts", new { name = "Grace again", email = Email })).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Only_owners_and_admins_export_or_erase_and_only_in_their_organization()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var contact = await api.As(team.Owner).CreateContactAsync("Grace Hopper", Email);
        var stranger = await api.RegisterAsync();
        var foreign = await api.As(stranger).CreateContactAsync("Alan Turing", "alan@example.com");

        foreach (var role in new[] { "member", "manager" })
        {
            var caller = api.As(team[role]);
            (await caller.GetAsync($"/api/v1/contacts/{contact}/personal-data")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
            (await caller.PostAsync($"/api/v1/contacts/{contact}/erase")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
            (await caller.GetAsync("/api/v1/suppressions")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        }

        var admin = api.As(team.Admin);
        (await admin.GetAsync($"/api/v1/contacts/{contact}/personal-data")).Status.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/contacts/{foreign}/personal-data")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await admin.PostAsync($"/api/v1/contacts/{foreign}/erase")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await admin.PostAsync($"/api/v1/contacts/{Guid.NewGuid()}/erase")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        var elsewhere = admin.InOrganization(stranger.OrganizationId);
        (await elsewhere.GetAsync($"/api/v1/contacts/{foreign}/personal-data")).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await elsewhere.PostAsync($"/api/v1/contacts/{foreign}/erase")).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await elsewhere.GetAsync("/api/v1/suppressions")).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await admin.GetAsync("/api/v1/suppressions?page_size=500")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.As(stranger).GetAsync($"/api/v1/contacts/{foreign}")).Status.ShouldBe(HttpStatusCode.OK, "nothing happened to the stranger's contact");

        (await admin.PostAsync($"/api/v1/contacts/{contact}/erase")).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    /// <summary>Every text, character and JSON column of every table whose value contains one of the needles (any case).</summary>
    private static async Task<List<string>> FindAnywhereAsync(params string[] needles)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var listing = new NpgsqlCommand(
            """
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'bytea')
            """,
            connection))
        await using (var reader = await listing.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        columns.Count.ShouldBeGreaterThan(30);
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            foreach (var needle in needles)
            {
                // Stored idempotent answers are JSON as bytes; other binary columns (hashes, ciphertexts) are read as hex.
                var text = table == "idempotency_keys" && column == "response" ? $"encode(\"{column}\", 'escape')" : $"\"{column}\"::text";

                await using var count = new NpgsqlCommand(
                    $"SELECT count(*) FROM \"{table}\" WHERE strpos(lower({text}), lower($1)) > 0", connection);
                count.Parameters.Add(new NpgsqlParameter { Value = needle });
                if ((long)(await count.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{table}.{column}: {needle}");
                }
            }
        }

        return found;
    }

    /// <summary>The file is gone from the local storage the test host writes to.</summary>
    private static void StorageShouldNotHold(string key)
    {
        File.Exists(Path.Combine(Testing.Factory.FilesFolder, key)).ShouldBeFalse(key);
        Directory.EnumerateFiles(Testing.Factory.FilesFolder, "*", SearchOption.AllDirectories)
            .ShouldNotContain(f => f.EndsWith(key.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal));
    }
}
