using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Fuzzing;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// Property: no input makes the service fail. Every operation of the served OpenAPI document is sent malformed
/// variants (a fixed seed, a bounded number) by a real owner of a seeded organization; every answer is below
/// 500, every error a problem with a code, no body shows internals, a refused write changes none of the
/// caller's records, and another organization's records are untouched at the end.
/// </summary>
public sealed class MalformedInputPropertyTests : ApiTest
{
    private const int Seed = 20261207;
    private const int PerOperation = 60;
    private const string ClientAddress = "198.51.100.77";

    // What a body must never show: stack frames, type names, SQL or source paths.
    private static readonly string[] Leaks =
    [
        "System.", "Npgsql", "Microsoft.", "at Crm.", "   at ", "Exception", "StackTrace", "SELECT ", "INSERT INTO",
        "UPDATE \"", "DELETE FROM", ".cs:line", "SqlState", "/src/", "duplicate key",
    ];

    // Records a refused request may still write: the audit trail and security logs of what was tried.
    private static readonly string[] LogTables = ["audit_logs", "outbox_messages", "cache_tags"];

    [Test]
    public async Task No_malformed_request_to_any_operation_fails_leaks_or_half_writes()
    {
        // An address of its own: the sign-in limits its failed attempts reach must not hold back the other tests.
        var api = NewApi().From(ClientAddress);
        var world = new WorldSnapshot(Testing.Database.DataSource);
        var (owner, member, targets) = await SeedAsync(api);
        // Most requests come from the owner, who may do everything; every fourth from a member, who may not.
        FuzzSession[] sessions = [await FuzzSession.OpenAsync(api, owner, "owner"), await FuzzSession.OpenAsync(api, member, "member")];
        var others = targets.Others["organization"];

        var http = Testing.Factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        // Deletions go last, so that the records the other operations name exist while they are fuzzed.
        var operations = OpenApiOperation.ReadAll(document).OrderBy(o => o.Method == "DELETE").ToList();
        var generator = new MalformedRequestGenerator(Seed, targets, PerOperation);

        // The outbox's rows change as the background sender delivers them: of those, only the number must hold.
        var othersBefore = await world.OfOrganizationAsync(others, "outbox_messages");
        var othersMailBefore = await world.CountAsync("outbox_messages", others);
        var failures = new List<string>();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();
        foreach (var operation in operations)
        {
            foreach (var (request, index) in generator.For(operation).Select((r, i) => (r, i)))
            {
                var session = sessions[index % 4 == 3 ? 1 : 0];
                var write = operation.Method != "GET";
                var before = write ? await world.OfOrganizationAsync(targets.Organization, [.. LogTables, "users"]) : null;
                using var message = request.ToMessage(session.Token, targets.Organization, ClientAddress);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
                // An event stream that was accepted never ends: its status and headers are its answer.
                var body = response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                    ? string.Empty
                    : await response.Content.ReadAsStringAsync();
                sent++;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (request.MustBeRefused && status < 400)
                {
                    failures.Add($"{session.Role}: {request} → {status}: accepted a value it must refuse");
                }

                foreach (var problem in Check(response, body))
                {
                    failures.Add($"{session.Role}: {request} → {status}: {problem}: {Shorten(body)}");
                }

                if (write && status >= 400)
                {
                    var after = await world.OfOrganizationAsync(targets.Organization, [.. LogTables, "users"]);
                    foreach (var table in after.Keys.Where(t => after[t] != before!.GetValueOrDefault(t)))
                    {
                        failures.Add($"{session.Role}: {request} → {status}: refused, yet changed {table}");
                    }
                }
            }

            foreach (var session in sessions)
            {
                await session.KeepAliveAsync();
            }
        }

        var othersAfter = await world.OfOrganizationAsync(others, "outbox_messages");
        if (await world.CountAsync("outbox_messages", others) != othersMailBefore)
        {
            failures.Add("the other organization's outbox got messages");
        }

        foreach (var table in othersAfter.Keys.Where(t => othersAfter[t] != othersBefore.GetValueOrDefault(t)))
        {
            failures.Add($"the other organization's {table} changed");
        }

        failures.AddRange((await world.CrossOrganizationReferencesAsync()).Select(r => $"a record references another organization's: {r}"));

        TestContext.Out.WriteLine($"Seed {Seed}: {operations.Count} operations covered, {sent} requests sent, {failures.Count} failures, {sessions.Sum(s => s.Renewals)} spare sessions used.");
        TestContext.Out.WriteLine($"Answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var failure in failures.Take(200))
        {
            TestContext.Out.WriteLine(failure);
        }

        sent.ShouldBeGreaterThan(operations.Count * 20);
        failures.ShouldBeEmpty($"{failures.Count} failures; the first: {string.Join("\n", failures.Take(20))}");
    }

    private static IEnumerable<string> Check(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            yield return "server error";
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 400)
        {
            if (mediaType != "application/problem+json")
            {
                yield return $"error as {mediaType ?? "no content type"}";
            }
            else if (!HasCode(body))
            {
                yield return "problem without a code";
            }
        }

        if (mediaType is null || mediaType.Contains("json") || mediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            foreach (var leak in Leaks.Where(l => body.Contains(l, StringComparison.Ordinal)))
            {
                yield return $"body shows \"{leak}\"";
            }
        }
    }

    private static bool HasCode(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["code"] is JsonValue code && code.TryGetValue<string>(out var text) && text.Length > 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The fuzzing owner's organization (a member, a contact, a deal, a task, an attachment, a pending invitation,
    /// a second session) and another organization with records of each kind, which the fuzzer is not a member of.
    /// </summary>
    private static async Task<(Account Owner, Account Member, FuzzTargets Targets)> SeedAsync(Api api)
    {
        var fuzzer = await api.RegisterAsync(organization: "Fuzzing Org");
        await api.VerifyEmailAsync(fuzzer);
        var member = await Team.JoinAsync(api, fuzzer, "member");
        var own = await RecordsOfAsync(api, fuzzer);
        own["user"] = member.UserId;

        var other = await api.RegisterAsync(organization: "Other Org");
        await api.VerifyEmailAsync(other);
        var others = await RecordsOfAsync(api, other);
        others["user"] = other.UserId;
        await api.As(fuzzer).CreateContactAsync("Second contact");
        var contacts = await api.As(fuzzer).GetAsync("/api/v1/contacts?page_size=1");
        contacts.Status.ShouldBe(HttpStatusCode.OK, contacts.Text);
        var cursor = (string?)contacts.Json["next_cursor"];
        cursor.ShouldNotBeNullOrEmpty(contacts.Text);
        return (fuzzer, member, new FuzzTargets(fuzzer.OrganizationId, own, others) { ContactsCursor = cursor });
    }

    private static async Task<Dictionary<string, Guid>> RecordsOfAsync(Api api, Account owner)
    {
        var as_ = api.As(owner);
        var contact = await as_.CreateContactAsync();
        var deal = await as_.CreateDealAsync(contact, amount: 100, currency: "EUR");
        var task = await as_.CreateTaskAsync(deal);
        var uploaded = await as_.UploadAsync($"/api/v1/contacts/{contact}/attachments", Encoding.UTF8.GetBytes("hello"), "hello.txt", "text/plain");
        uploaded.Status.ShouldBe(HttpStatusCode.Created, uploaded.Text);
        var invitation = await Team.InviteAsync(api, owner, $"pending-{Guid.NewGuid():N}@example.com", "member");
        // A second session, which the session operations may name without ending the first.
        var second = await api.LoginAsync(owner.Email);
        var sessions = await api.As(second).GetAsync("/api/v1/auth/sessions");
        sessions.Status.ShouldBe(HttpStatusCode.OK, sessions.Text);
        var session = sessions.Json["items"]!.AsArray().Select(s => Guid.Parse((string)s!["id"]!)).First();
        return new Dictionary<string, Guid>
        {
            ["organization"] = owner.OrganizationId,
            ["contact"] = contact,
            ["deal"] = deal,
            ["task"] = task,
            ["attachment"] = Guid.Parse((string)uploaded.Json["id"]!),
            ["invitation"] = invitation,
            ["session"] = session,
        };
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}…";
}
