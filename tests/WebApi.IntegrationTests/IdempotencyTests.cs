using System.Net;
using Crm.Infrastructure.Idempotency;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

public sealed class IdempotencyTests : ApiTest
{
    [Test]
    public async Task A_repeat_with_the_same_key_replays_the_first_answer_and_creates_nothing_more()
    {
        var (api, account) = await SignedInAsync();
        var body = new { name = "Ada Lovelace", email = "ada@example.com" };

        var first = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("create-ada"));
        var repeat = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("create-ada"));

        first.Status.ShouldBe(HttpStatusCode.Created, first.Text);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        repeat.Status.ShouldBe(HttpStatusCode.Created, repeat.Text);
        repeat.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        repeat.Text.ShouldBe(first.Text);
        repeat.Headers.Location.ShouldBe(first.Headers.Location);
        repeat.Headers.ETag.ShouldBe(first.Headers.ETag);
        repeat.ContentHeaders.ContentType!.MediaType.ShouldBe("application/json");
        (await ContactsOf(account)).ShouldBe(1);
    }

    [Test]
    public async Task A_repeated_update_is_applied_once()
    {
        var (api, _) = await SignedInAsync();
        var deal = await api.CreateDealAsync(title: "Compilers");

        var first = await api.SendAsync(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { title = "Interpreters" }, Key("rename"));
        var repeat = await api.SendAsync(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { title = "Interpreters" }, Key("rename"));

        first.Status.ShouldBe(HttpStatusCode.OK, first.Text);
        repeat.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        repeat.Text.ShouldBe(first.Text);
        repeat.Headers.ETag.ShouldBe(first.Headers.ETag);
        (await api.TimelineAsync(deal)).Count(t => t == "deal_updated").ShouldBe(1);
    }

    [Test]
    public async Task The_same_key_with_another_body_or_path_answers_422_and_does_nothing()
    {
        var (api, account) = await SignedInAsync();
        (await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Ada" }, Key("k1"))).Status.ShouldBe(HttpStatusCode.Created);

        var otherBody = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Grace" }, Key("k1"));
        var otherPath = await api.SendAsync(HttpMethod.Post, "/api/v1/deals", new { name = "Ada" }, Key("k1"));

        otherBody.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        otherPath.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        (await ContactsOf(account)).ShouldBe(1);
    }

    [Test]
    public async Task Concurrent_duplicates_create_exactly_one_record()
    {
        var (api, account) = await SignedInAsync();
        for (var round = 0; round < 3; round++)
        {
            var key = Key($"burst-{round}");
            var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = $"Burst {round}" }, key))));

            var detail = string.Join(" | ", replies.Select(r => $"{(int)r.Status} {r.Text}"));
            replies.Count(r => r.Status == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")).ShouldBe(1, detail);
            foreach (var reply in replies.Where(r => r.Status != HttpStatusCode.Created))
            {
                reply.ShouldBeProblem(HttpStatusCode.Conflict, "idempotency_key_in_progress");
            }

            (await ContactsOf(account)).ShouldBe(round + 1, detail);
        }
    }

    [Test]
    public async Task Keys_belong_to_their_caller()
    {
        var api = NewApi();
        var ada = await api.RegisterAsync();
        var grace = await api.RegisterAsync();

        var first = await api.As(ada).SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Same" }, Key("shared"));
        var second = await api.As(grace).SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Same" }, Key("shared"));

        first.Status.ShouldBe(HttpStatusCode.Created);
        second.Status.ShouldBe(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        second["id"].ShouldNotBe(first["id"]);
    }

    [Test]
    public async Task A_refusal_of_the_requests_own_work_is_kept_but_refused_input_is_not()
    {
        var (api, account) = await SignedInAsync();
        var deal = await api.CreateDealAsync();

        var refused = await api.SendAsync(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { status = "won" }, Key("win"));
        var again = await api.SendAsync(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { status = "won" }, Key("win"));
        refused.ShouldBeProblem(HttpStatusCode.BadRequest, "deal_amount_required");
        again.ShouldBeProblem(HttpStatusCode.BadRequest, "deal_amount_required");
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);

        var invalid = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "" }, Key("fix-me"));
        var corrected = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Fixed" }, Key("fix-me"));
        invalid.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        corrected.Status.ShouldBe(HttpStatusCode.Created, corrected.Text);
        corrected.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await ContactsOf(account)).ShouldBe(2);
    }

    [Test]
    public async Task A_malformed_key_answers_400_and_nothing_runs()
    {
        var (api, account) = await SignedInAsync();

        var tooLong = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Ada" }, Key(new string('k', 256)));
        var twice = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Ada" }, Key("a"), Key("b"));
        var control = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Ada" }, Key("a\u0001b"));

        tooLong.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_idempotency_key");
        twice.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_idempotency_key");
        control.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_idempotency_key");
        (await ContactsOf(account)).ShouldBe(0);
    }

    [Test]
    public async Task Kept_answers_are_encrypted_and_expired_keys_are_purged_and_free_again()
    {
        var (api, account) = await SignedInAsync();
        var body = new { name = "Plaintext Never Stored" };
        (await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("old"))).Status.ShouldBe(HttpStatusCode.Created);
        (await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Fresh" }, Key("fresh"))).Status.ShouldBe(HttpStatusCode.Created);
        (await Count("SELECT count(*) FROM idempotency_keys WHERE position(convert_to('Plaintext', 'UTF8') in response) > 0")).ShouldBe(0);

        await Testing.Database.ScalarAsync<object>("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'old'");
        var purged = await Testing.Factory.Services.GetRequiredService<IdempotencyKeyPurgeJob>().PurgeAsync(CancellationToken.None);

        purged.ShouldBe(1);
        (await Count("SELECT count(*) FROM idempotency_keys")).ShouldBe(1);
        var again = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("old"));
        again.Status.ShouldBe(HttpStatusCode.Created);
        again.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await ContactsOf(account)).ShouldBe(3);
    }

    [Test]
    public async Task A_key_held_by_a_running_request_answers_409_until_its_lock_runs_out_then_a_repeat_runs()
    {
        var (api, account) = await SignedInAsync();
        var body = new { name = "Ada" };
        (await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("held"))).Status.ShouldBe(HttpStatusCode.Created);

        // As the row stands while its first request runs, then as it stays when the instance running it was lost.
        await Testing.Database.ScalarAsync<object>(
            "UPDATE idempotency_keys SET status_code = NULL, response = NULL, locked_until = now() + interval '1 hour'");
        var running = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("held"));
        await Testing.Database.ScalarAsync<object>("UPDATE idempotency_keys SET locked_until = now() - interval '1 second'");
        var otherBody = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Grace" }, Key("held"));
        var takenOver = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("held"));

        running.ShouldBeProblem(HttpStatusCode.Conflict, "idempotency_key_in_progress");
        otherBody.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        takenOver.Status.ShouldBe(HttpStatusCode.Created, takenOver.Text);
        takenOver.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await ContactsOf(account)).ShouldBe(2);
        (await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", body, Key("held"))).Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
    }

    [Test]
    public async Task An_empty_key_is_no_key()
    {
        var (api, account) = await SignedInAsync();

        var first = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Ada" }, Key(""));
        var second = await api.SendAsync(HttpMethod.Post, "/api/v1/contacts", new { name = "Ada" }, Key(""));

        first.Status.ShouldBe(HttpStatusCode.Created, first.Text);
        second.Status.ShouldBe(HttpStatusCode.Created, second.Text);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await ContactsOf(account)).ShouldBe(2);
        (await Count("SELECT count(*) FROM idempotency_keys")).ShouldBe(0);
    }

    private static (string Name, string Value) Key(string key) => ("Idempotency-Key", key);

    private static async Task<(Api Api, Account Account)> SignedInAsync()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        return (api.As(account), account);
    }

    private static Task<long> ContactsOf(Account account) =>
        Count($"SELECT count(*) FROM contacts WHERE organization_id = '{account.OrganizationId}'");

    private static async Task<long> Count(string sql) => await Testing.Database.ScalarAsync<long>(sql);
}
