using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Infrastructure.Auditing;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.WebApi.IntegrationTests;

public sealed class AuditTests : ApiTest
{
    [Test]
    public async Task A_deal_change_writes_one_entry_with_its_field_changes_actor_client_and_trace()
    {
        var api = NewApi().From("10.9.8.7");
        var owner = await api.RegisterAsync();
        var deals = api.As(owner);
        var deal = await deals.CreateDealAsync(title: "Pilot", amount: 100m);

        await deals.PatchDealAsync(deal, new { title = "Pilot plus", status = "won" });

        var entries = await EntriesAsync(deals, $"entity_id={deal}");
        entries.Count.ShouldBe(2);
        var update = entries[0]!;
        ((string?)update["action"]).ShouldBe("update_deal");
        ((string?)update["entity_type"]).ShouldBe("deal");
        ((string?)update["actor_id"]).ShouldBe(owner.UserId.ToString());
        ((string?)update["organization_id"]).ShouldBe(owner.OrganizationId.ToString());
        ((string?)update["client_address"]).ShouldBe("10.9.8.7");
        ((string?)update["trace_id"]).ShouldNotBeNullOrEmpty();
        Changes(update).ShouldBe(["title: Pilot -> Pilot plus", "status: new -> won", "stage: qualification -> closed"], ignoreOrder: true);
        ((string?)entries[1]!["action"]).ShouldBe("create_deal");
        Changes(entries[1]!).ShouldContain("title:  -> Pilot");
    }

    [Test]
    public async Task Secrets_are_never_recorded_and_sign_in_events_are()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync("audited@example.com");
        await api.PostAsync("/api/v1/auth/login", new { email = "audited@example.com", password = "wrong-password" });
        var signedIn = await api.LoginAsync("audited@example.com");
        await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = signedIn.RefreshToken });
        await api.As(signedIn).PostAsync("/api/v1/auth/logout");

        var entries = await EntriesAsync(api.As(owner), "page_size=100");

        entries.Select(e => (string?)e!["action"]).ShouldBe(["sign_out", "refresh", "sign_in", "sign_in_failed", "register"]);
        var failed = entries.Single(e => (string?)e!["action"] == "sign_in_failed")!;
        failed["actor_id"].ShouldBeNull();
        Changes(failed).ShouldBe(["email:  -> audited@example.com"]);
        var register = entries.Single(e => (string?)e!["action"] == "register")!;
        Changes(register).ShouldContain("email:  -> audited@example.com");
        var everything = (await api.As(owner).GetAsync("/api/v1/audit-logs?page_size=100")).Text;
        everything.ShouldNotContain("password", Case.Insensitive);
        everything.ShouldNotContain("AQAAAA");
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE changes::text ILIKE '%password%'")).ShouldBe(0);
    }

    [Test]
    public async Task Member_changes_are_audited()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Member.UserId}", new { role = "manager" });
        await api.As(team.Owner).DeleteAsync($"{team.Members}/{team.Admin.UserId}");

        var entries = await EntriesAsync(api.As(team.Owner), "entity_type=member&page_size=100");
        var removed = entries[0]!;
        ((string?)removed["action"]).ShouldBe("remove_member");
        ((string?)removed["entity_id"]).ShouldBe(team.Admin.UserId.ToString());
        Changes(removed).ShouldBe(["role: admin -> "]);
        Changes(entries[1]!).ShouldBe(["role: member -> manager"]);
        entries.Count(e => (string?)e!["action"] == "accept_invitation_signed_in").ShouldBe(3);
    }

    [TestCase("manager")]
    [TestCase("member")]
    public async Task Only_owner_and_admin_read_the_audit_trail(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        (await api.As(team[role]).GetAsync("/api/v1/audit-logs")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team[role]).GetAsync("/api/v1/audit-logs/export")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team.Admin).GetAsync("/api/v1/audit-logs")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Filters_narrow_the_trail_and_another_organizations_entries_never_appear()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var contact = await api.As(team.Manager).CreateContactAsync("Filtered");
        await api.As(team.Owner).PatchAsync($"/api/v1/contacts/{contact}", new { name = "Renamed" });
        var stranger = await api.RegisterAsync();
        await api.As(stranger).CreateContactAsync("Elsewhere");

        var byActor = await EntriesAsync(api.As(team.Owner), $"actor_id={team.Manager.UserId}&entity_type=contact");
        byActor.Select(e => (string?)e!["action"]).ShouldBe(["create_contact"]);
        var byAction = await EntriesAsync(api.As(team.Owner), "action=update_contact");
        byAction.ShouldHaveSingleItem();
        var future = await EntriesAsync(api.As(team.Owner), $"from={DateTime.UtcNow.AddDays(1):O}");
        future.ShouldBeEmpty();
        var all = await EntriesAsync(api.As(team.Owner), "page_size=100");
        all.ShouldNotContain(e => (string?)e!["actor_id"] == stranger.UserId.ToString());
        (await api.As(team.Owner).GetAsync($"/api/v1/audit-logs?from={DateTime.UtcNow:O}&to={DateTime.UtcNow.AddDays(-1):O}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_refused_command_leaves_no_entry()
    {
        var api = NewApi();
        var owner = api.As(await api.RegisterAsync());
        var deal = await owner.CreateDealAsync();
        var before = await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM audit_logs");

        (await owner.PatchDealAsync(deal, new { status = "won" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await owner.PatchDealAsync(deal, new { title = "" })).Status.ShouldBe(HttpStatusCode.BadRequest);

        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM audit_logs")).ShouldBe(before);
    }

    [TestCase("csv", "text/csv")]
    [TestCase("json", "application/json")]
    public async Task The_export_streams_the_filtered_trail(string format, string contentType)
    {
        var api = NewApi();
        var owner = api.As(await api.RegisterAsync());
        for (var i = 0; i < 3; i++)
        {
            await owner.CreateContactAsync($"Exported {i}");
        }

        var reply = await owner.GetAsync($"/api/v1/audit-logs/export?format={format}&entity_type=contact");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.ContentHeaders.ContentType!.MediaType.ShouldBe(contentType);
        reply.ContentHeaders.ContentDisposition!.FileName!.ShouldContain("audit-log");
        if (format == "csv")
        {
            var lines = reply.Text.Trim().Split('\n');
            lines[0].Trim().ShouldBe("id,created_at,organization_id,actor_id,action,entity_type,entity_id,changes,client_address,user_agent,trace_id,actor_type");
            lines.Length.ShouldBe(4);
            lines.Skip(1).ShouldAllBe(l => l.Contains("create_contact"));
        }
        else
        {
            var rows = JsonNode.Parse(reply.Text)!.AsArray();
            rows.Count.ShouldBe(3);
            rows.ShouldAllBe(r => (string?)r!["entity_type"] == "contact");
        }
    }

    [Test]
    public async Task Formulas_planted_through_names_and_a_strangers_user_agent_reach_the_csv_as_text()
    {
        const string formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        const string agent = "@SUM(1+1)*cmd|' /C calc'!A0";
        var api = NewApi();
        var account = await api.RegisterAsync();
        var owner = api.As(account);
        await owner.CreateContactAsync(formula);
        await owner.CreateContactAsync("+1 555 0100, -dash, \"quoted\"");
        using var stranger = Testing.Factory.CreateClient();
        stranger.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", agent).ShouldBeTrue();
        (await stranger.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "wrong-password-123" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var reply = await owner.GetAsync("/api/v1/audit-logs/export?format=csv");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var rows = Rfc4180(reply.Text);
        rows.ShouldAllBe(r => r.Count == 12);
        var cells = rows.SelectMany(r => r).ToList();
        cells.ShouldNotContain(c => c.Length > 0 && "=+-@\t\r".Contains(c[0]), "no cell starts a formula");
        cells.ShouldContain("'" + agent);
        cells.ShouldContain(c => c.StartsWith("[", StringComparison.Ordinal) && c.Contains("=HYPERLINK(", StringComparison.Ordinal));
        cells.ShouldContain(c => c.StartsWith("[", StringComparison.Ordinal) && c.Contains("+1 555 0100, -dash", StringComparison.Ordinal));
    }

    /// <summary>Reads CSV as RFC 4180 says: quoted fields may hold separators, quotes (doubled) and line breaks.</summary>
    private static List<List<string>> Rfc4180(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        quoted.ShouldBeFalse("the file ends inside a quoted field");
        return rows;
    }

    [Test]
    public async Task The_trail_is_append_only_and_retention_purges_only_old_entries()
    {
        var api = NewApi();
        var owner = api.As(await api.RegisterAsync());
        await owner.CreateContactAsync();
        await ExecuteAsync("BEGIN; SET LOCAL crm.audit_purge = 'on'; UPDATE audit_logs SET created_at = now() - interval '400 days' WHERE action = 'register'; COMMIT;", expectFailure: true);
        await ExecuteAsync("UPDATE audit_logs SET action = 'tampered'", expectFailure: true);
        await ExecuteAsync("DELETE FROM audit_logs", expectFailure: true);
        await ExecuteAsync(
            "INSERT INTO audit_logs (id, action, changes, created_at) SELECT gen_random_uuid(), 'ancient', '[]', now() - interval '400 days' FROM generate_series(1, 12)",
            expectFailure: false);

        var purged = await Testing.Factory.Services.GetRequiredService<AuditRetentionJob>().PurgeAsync(CancellationToken.None);

        purged.ShouldBe(12);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE action = 'ancient'")).ShouldBe(0);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE action = 'create_contact'")).ShouldBe(1);
    }

    private static async Task ExecuteAsync(string sql, bool expectFailure)
    {
        await using var connection = await Testing.Database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (expectFailure)
        {
            (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
        else
        {
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<JsonNode?>> EntriesAsync(Api api, string query)
    {
        var reply = await api.GetAsync($"/api/v1/audit-logs?{query}");
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return [.. reply.Json["items"]!.AsArray()];
    }

    private static List<string> Changes(JsonNode entry) =>
        entry["changes"]!.AsArray().Select(c => $"{(string?)c!["field"]}: {(string?)c["from"]} -> {(string?)c["to"]}").ToList();
}
