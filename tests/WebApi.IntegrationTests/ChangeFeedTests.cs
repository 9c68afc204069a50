using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Crm.Infrastructure.Changes;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.WebApi.IntegrationTests;

/// <summary>GET /api/v1/changes: following the organization's changes with a cursor.</summary>
public sealed class ChangeFeedTests : ApiTest
{
    private static async Task<Reply> FeedAsync(Api api, string? cursor = null, string? types = null, int? pageSize = null)
    {
        var query = new List<string>();
        if (cursor is not null)
        {
            query.Add($"cursor={Uri.EscapeDataString(cursor)}");
        }

        if (types is not null)
        {
            query.Add($"types={types}");
        }

        if (pageSize is not null)
        {
            query.Add($"page_size={pageSize}");
        }

        return await api.GetAsync("/api/v1/changes" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
    }

    /// <summary>
    /// Reads pages until one comes back empty; answers every item read and the cursor to poll on with. A change shows
    /// once every transaction that began before it has ended (a background job's too), so a reader expecting
    /// <paramref name="expected"/> changes polls on, a bounded number of times, until they are there.
    /// </summary>
    private static async Task<(List<JsonNode> Items, string Cursor)> DrainAsync(
        Api api, string? cursor = null, string? types = null, int? pageSize = null, int expected = 0)
    {
        var items = new List<JsonNode>();
        for (var polls = 0; ; polls++)
        {
            var page = await FeedAsync(api, cursor, types, pageSize);
            page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
            var read = page.Json["items"]!.AsArray().Select(i => i!).ToList();
            cursor = page["next_cursor"].ShouldNotBeNull();
            items.AddRange(read);
            if (read.Count == 0 && (items.Count >= expected || polls > 200))
            {
                return (items, cursor);
            }

            if (read.Count == 0)
            {
                await Task.Delay(10);
            }
        }
    }

    private static (string Type, string Action, Guid Id) Of(JsonNode item) =>
        ((string)item["type"]!, (string)item["action"]!, Guid.Parse((string)item["id"]!));

    [Test]
    public async Task The_feed_lists_changes_oldest_first_with_the_record_as_its_single_get_shows_it_and_deletions_with_null_data()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var contact = await api.CreateContactAsync("Ada");
        (await api.PatchAsync($"/api/v1/contacts/{contact}", new { name = "Ada Byron" })).Status.ShouldBe(HttpStatusCode.OK);
        var deal = await api.CreateDealAsync(contact, "Engines");
        var task = await api.CreateTaskAsync(deal);
        (await api.DeleteAsync($"/api/v1/tasks/{task}")).Status.ShouldBe(HttpStatusCode.NoContent);

        await DrainAsync(api, expected: 5);
        var page = await FeedAsync(api);

        page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
        var items = page.Json["items"]!.AsArray().Select(i => i!).ToList();
        items.Select(Of).ShouldBe(
        [
            ("contact", "created", contact),
            ("contact", "updated", contact),
            ("deal", "created", deal),
            ("task", "created", task),
            ("task", "deleted", task),
        ]);
        items.Select(i => (long)i["sequence"]!).ShouldBeUnique();
        DateTime.Parse((string)items[0]["changed_at"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(DateTime.Now.AddMinutes(-5), DateTime.Now.AddMinutes(5));

        // Both changes of the contact show it as it is now, exactly as GET /contacts/{id} does.
        var single = (await api.GetAsync($"/api/v1/contacts/{contact}")).Json;
        items[0]["data"]!.ToJsonString().ShouldBe(single.ToJsonString());
        items[1]["data"]!.ToJsonString().ShouldBe(single.ToJsonString());
        items[2]["data"]!.ToJsonString().ShouldBe((await api.GetAsync($"/api/v1/deals/{deal}")).Json.ToJsonString());
        items[3]["data"].ShouldBeNull();
        items[4]["data"].ShouldBeNull();
        page.Json.AsObject().ContainsKey("next_cursor").ShouldBeTrue();
    }

    [Test]
    public async Task Pages_follow_next_cursor_and_an_empty_page_keeps_its_position_for_polling_the_tail()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var contacts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            contacts.Add(await api.CreateContactAsync($"C{i}"));
        }

        await DrainAsync(api, expected: 5);
        var first = await FeedAsync(api, pageSize: 2);
        first.Json["items"]!.AsArray().Count.ShouldBe(2);
        var (rest, tail) = await DrainAsync(api, first["next_cursor"], pageSize: 2);
        rest.Select(i => Guid.Parse((string)i["id"]!)).ShouldBe(contacts[2..]);

        // At the tail: nothing, and the same position again.
        var empty = await FeedAsync(api, tail, pageSize: 2);
        empty.Status.ShouldBe(HttpStatusCode.OK, empty.Text);
        empty.Json["items"]!.AsArray().ShouldBeEmpty();
        empty["next_cursor"].ShouldBe(tail);

        var later = await api.CreateContactAsync("Later");
        var (next, _) = await DrainAsync(api, tail, expected: 1);
        next.Select(Of).ShouldBe([("contact", "created", later)]);
    }

    [Test]
    public async Task An_empty_feed_answers_a_cursor_that_later_reads_the_first_change()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);

        var empty = await FeedAsync(api);
        empty.Json["items"]!.AsArray().ShouldBeEmpty();
        var contact = await api.CreateContactAsync();

        var (next, _) = await DrainAsync(api, empty["next_cursor"], expected: 1);
        next.Select(Of).ShouldBe([("contact", "created", contact)]);
    }

    [Test]
    public async Task Types_choose_the_records_followed_and_a_cursor_stays_with_its_types()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var contact = await api.CreateContactAsync();
        var deal = await api.CreateDealAsync(contact);
        var task = await api.CreateTaskAsync(deal);

        var (deals, cursor) = await DrainAsync(api, types: "deal", expected: 1);
        deals.Select(Of).ShouldBe([("deal", "created", deal)]);
        var (some, _) = await DrainAsync(api, types: "task,contact", expected: 2);
        some.Select(Of).ShouldBe([("contact", "created", contact), ("task", "created", task)]);

        // The same set of types in another order is the same feed; other types are another one.
        (await FeedAsync(api, cursor, "deal,deal")).Status.ShouldBe(HttpStatusCode.OK);
        (await FeedAsync(api, cursor, "deal,task")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        (await FeedAsync(api, cursor)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [TestCase("types=contact,account", "types")]
    [TestCase("types=Contact", "types")]
    [TestCase("page_size=0", "page_size")]
    [TestCase("page_size=101", "page_size")]
    public async Task Bad_parameters_are_refused_naming_them(string query, string parameter)
    {
        var account = await NewApi().RegisterAsync();

        var reply = await NewApi().As(account).GetAsync($"/api/v1/changes?{query}");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf(parameter).ShouldNotBeEmpty();
    }

    [TestCase("garbage")]
    [TestCase("ZjEuMS4y")]
    [TestCase("YzMuMTIzLnh5ei4wLmE")]
    public async Task A_cursor_the_feed_did_not_issue_is_invalid(string cursor)
    {
        var account = await NewApi().RegisterAsync();

        (await FeedAsync(NewApi().As(account), cursor)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Test]
    public async Task Another_organizations_changes_never_appear_and_its_cursors_and_another_users_are_refused()
    {
        var team = await Team.CreateAsync(NewApi());
        var stranger = await NewApi().RegisterAsync();
        var ours = NewApi().As(team.Owner);
        var theirs = NewApi().As(stranger);
        var contact = await ours.CreateContactAsync();
        var foreign = await theirs.CreateContactAsync();

        var (mine, cursor) = await DrainAsync(ours, expected: 1);
        mine.Select(Of).ShouldBe([("contact", "created", contact)]);
        var (other, otherCursor) = await DrainAsync(theirs, expected: 1);
        other.Select(Of).ShouldBe([("contact", "created", foreign)]);

        (await FeedAsync(theirs, cursor)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        (await FeedAsync(ours, otherCursor)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        (await FeedAsync(NewApi().As(team.Manager), cursor)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");

        // Naming the other organization in the header is refused before anything is read.
        (await FeedAsync(NewApi().As(team.Owner, stranger.OrganizationId))).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
    }

    [Test]
    public async Task A_member_and_a_read_only_api_key_follow_the_whole_feed()
    {
        var team = await Team.CreateAsync(NewApi());
        var owner = NewApi().As(team.Owner);
        var contact = await owner.CreateContactAsync();
        var key = await owner.PostAsync("/api/v1/api-keys", new { name = "Sync", role = "member", read_only = true });
        key.Status.ShouldBe(HttpStatusCode.Created, key.Text);

        var (byMember, _) = await DrainAsync(NewApi().As(team.Member), expected: 1);
        var (byKey, _) = await DrainAsync(NewApi().WithToken(key["secret"]).InOrganization(null), expected: 1);

        byMember.Select(Of).ShouldBe([("contact", "created", contact)]);
        byKey.Select(Of).ShouldBe([("contact", "created", contact)]);
        byKey[0]["data"]!.ToJsonString().ShouldBe((await owner.GetAsync($"/api/v1/contacts/{contact}")).Json.ToJsonString());
    }

    [Test]
    public async Task A_cursor_with_unread_changes_past_retention_is_gone_and_a_reader_without_one_starts_at_what_is_kept()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var old = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            old.Add(await api.CreateContactAsync($"Old {i}"));
        }

        var (_, current) = await DrainAsync(api, expected: 3);
        var behind = (await FeedAsync(api, pageSize: 1))["next_cursor"]!;
        await RecordChangeFeedTests.ExecuteAsync($"UPDATE record_changes SET changed_at = now() - interval '31 days' WHERE organization_id = '{account.OrganizationId}'");
        var recent = await api.CreateContactAsync("Recent");

        var purged = await Testing.Factory.Services.GetRequiredService<ChangeFeedRetentionJob>().PurgeAsync(CancellationToken.None);

        purged.ShouldBe(3);
        var gone = await FeedAsync(api, behind);
        gone.ShouldBeProblem(HttpStatusCode.Gone, "cursor_expired");
        var (fromCurrent, _) = await DrainAsync(api, current, expected: 1);
        fromCurrent.Select(Of).ShouldBe([("contact", "created", recent)]);
        var (fromStart, _) = await DrainAsync(api, expected: 1);
        fromStart.Select(Of).ShouldBe([("contact", "created", recent)]);

        // A cursor of other types is not behind the contacts' purge.
        var (deals, dealCursor) = await DrainAsync(api, types: "deal");
        deals.ShouldBeEmpty();
        (await FeedAsync(api, dealCursor, "deal")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_purge_deletes_in_feed_order_so_a_reader_starting_after_it_never_meets_a_row_below_its_mark()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var first = await api.CreateContactAsync("First");
        var second = await api.CreateContactAsync("Second");
        var deal = await api.CreateDealAsync(first);
        await DrainAsync(api, expected: 3);

        // The earlier row is recent, the later one old (a transaction can begin first and write last).
        await RecordChangeFeedTests.ExecuteAsync(
            $"UPDATE record_changes SET changed_at = now() - CASE WHEN record_id = '{second}' THEN interval '40 days' ELSE interval '1 day' END WHERE organization_id = '{account.OrganizationId}'");

        (await Testing.Factory.Services.GetRequiredService<ChangeFeedRetentionJob>().PurgeAsync(CancellationToken.None)).ShouldBe(2);

        var (kept, cursor) = await DrainAsync(api, expected: 1);
        kept.Select(Of).ShouldBe([("deal", "created", deal)]);
        var later = await api.CreateContactAsync("Later");
        var (next, _) = await DrainAsync(api, cursor, expected: 1);
        next.Select(Of).ShouldBe([("contact", "created", later)]);
    }

    [Test]
    public async Task A_read_racing_the_purge_answers_every_unread_change_or_410_never_a_page_with_a_gap()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var job = Testing.Factory.Services.GetRequiredService<ChangeFeedRetentionJob>();
        for (var round = 0; round < 5; round++)
        {
            var (_, start) = await DrainAsync(api);
            var old = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                old.Add(await api.CreateContactAsync($"Round {round} #{i}"));
            }

            await DrainAsync(api, start, expected: 3);
            await RecordChangeFeedTests.ExecuteAsync($"UPDATE record_changes SET changed_at = now() - interval '31 days' WHERE organization_id = '{account.OrganizationId}'");

            var read = FeedAsync(api, start);
            var purge = Task.Run(() => job.PurgeAsync(CancellationToken.None));
            var reply = await read;
            await purge;

            if (reply.Status == HttpStatusCode.OK)
            {
                reply.Json["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).ShouldBe(old);
            }
            else
            {
                reply.ShouldBeProblem(HttpStatusCode.Gone, "cursor_expired");
            }

            (await FeedAsync(api, start)).ShouldBeProblem(HttpStatusCode.Gone, "cursor_expired");
        }
    }

    [Test]
    public async Task A_change_whose_transaction_commits_after_later_ones_is_still_read_once_by_a_follower()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var held = await api.CreateContactAsync("Held");
        var (_, cursor) = await DrainAsync(api, expected: 1);

        // A transaction writes first (its feed row has the smaller sequence) and stays open while later writes commit.
        await using var connection = await Testing.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand($"UPDATE contacts SET name = 'Held longer' WHERE id = '{held}'", connection, transaction))
        {
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var later = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            later.Add(await api.CreateContactAsync($"Later {i}"));
        }

        // The follower reads on meanwhile: the later changes wait behind the open transaction.
        var (whileOpen, afterOpen) = await DrainAsync(api, cursor);
        whileOpen.ShouldBeEmpty();

        await transaction.CommitAsync();
        var (afterCommit, _) = await DrainAsync(api, afterOpen, expected: 4);

        afterCommit.Select(Of).ShouldBe(
            [("contact", "updated", held), .. later.Select(id => ("contact", "created", id))]);
        ((string)afterCommit[0]["data"]!["name"]!).ShouldBe("Held longer");
    }

    [Test]
    public async Task A_follower_polling_while_many_writers_run_ends_with_every_committed_change_exactly_once()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        using var writing = new CancellationTokenSource();
        var follower = Task.Run(async () =>
        {
            var seen = new List<long>();
            string? cursor = null;
            while (!writing.IsCancellationRequested)
            {
                var (items, next) = await DrainAsync(api, cursor, pageSize: 7);
                seen.AddRange(items.Select(i => (long)i["sequence"]!));
                cursor = next;
            }

            // Every writer has finished: what committed last shows once no transaction before it is still running.
            var (rest, _) = await DrainAsync(api, cursor, pageSize: 7, expected: (6 * 8 * 2) - seen.Count);
            seen.AddRange(rest.Select(i => (long)i["sequence"]!));
            return seen;
        });

        var failures = new ConcurrentBag<string>();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                var created = await api.PostAsync("/api/v1/contacts", new { name = $"W{w} #{i}" });
                if (created.Status != HttpStatusCode.Created)
                {
                    failures.Add(created.Text);
                    continue;
                }

                var patched = await api.PatchAsync($"/api/v1/contacts/{created["id"]}", new { name = $"W{w} #{i}, renamed" });
                if (patched.Status != HttpStatusCode.OK)
                {
                    failures.Add(patched.Text);
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await writing.CancelAsync();
        var seen = await follower;

        failures.ShouldBeEmpty();
        var committed = new List<long>();
        await using (var command = Testing.Database.DataSource.CreateCommand(
            $"SELECT sequence FROM record_changes WHERE organization_id = '{account.OrganizationId}' ORDER BY sequence"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                committed.Add(reader.GetInt64(0));
            }
        }

        committed.Count.ShouldBe(6 * 8 * 2);
        seen.ShouldBeUnique();
        seen.Order().ShouldBe(committed);
    }
}
