using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ConditionalRequestTests : ApiTest
{
    public static readonly string[] Kinds = ["contacts", "deals", "tasks"];

    [TestCaseSource(nameof(Kinds))]
    public async Task Create_read_and_update_answer_the_records_etag_and_a_write_changes_it(string kind)
    {
        var api = await SignedInAsync();
        var (path, created) = await CreateAsync(api, kind);

        var etag = created.Headers.ETag!;
        etag.IsWeak.ShouldBeFalse();
        (await api.GetAsync(path)).Headers.ETag!.Tag.ShouldBe(etag.Tag);

        var changed = await api.SendAsync(HttpMethod.Patch, path, Change(kind), ("If-Match", etag.Tag));

        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        changed.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await api.GetAsync(path)).Headers.ETag!.Tag.ShouldBe(changed.Headers.ETag.Tag);
    }

    [TestCaseSource(nameof(Kinds))]
    public async Task A_read_with_the_current_etag_in_if_none_match_answers_304_without_a_body(string kind)
    {
        var api = await SignedInAsync();
        var (path, created) = await CreateAsync(api, kind);
        var etag = created.Headers.ETag!.Tag;

        foreach (var condition in new[] { etag, $"W/{etag}", $"\"1\", {etag}", "*" })
        {
            var reply = await api.SendAsync(HttpMethod.Get, path, null, ("If-None-Match", condition));

            reply.Status.ShouldBe(HttpStatusCode.NotModified, condition);
            reply.Text.ShouldBeEmpty();
            reply.Headers.ETag!.Tag.ShouldBe(etag);
        }

        var stale = await api.SendAsync(HttpMethod.Get, path, null, ("If-None-Match", "\"1\""));
        stale.Status.ShouldBe(HttpStatusCode.OK);
        ((string?)stale.Json["id"]).ShouldNotBeNull();
    }

    [Test]
    public async Task Replacing_a_contact_honours_if_match_and_answers_the_new_etag()
    {
        var api = await SignedInAsync();
        var (path, created) = await CreateAsync(api, "contacts");
        var stale = created.Headers.ETag!.Tag;
        var owner = (string)created.Json["owner_id"]!;
        (await api.PatchAsync(path, new { phone = "+44 20 7946 0000" })).Status.ShouldBe(HttpStatusCode.OK);

        var refused = await api.SendAsync(HttpMethod.Put, path, new { name = "Overwritten", owner_id = owner }, ("If-Match", stale));
        refused.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var current = (await api.GetAsync(path)).Headers.ETag!.Tag;

        var replaced = await api.SendAsync(HttpMethod.Put, path, new { name = "Replaced", owner_id = owner }, ("If-Match", current));

        replaced.Status.ShouldBe(HttpStatusCode.OK, replaced.Text);
        ((string?)replaced.Json["phone"]).ShouldBeNull();
        replaced.Headers.ETag!.Tag.ShouldNotBe(current);
        (await api.GetAsync(path)).Headers.ETag!.Tag.ShouldBe(replaced.Headers.ETag.Tag);
    }

    [TestCaseSource(nameof(Kinds))]
    public async Task A_write_with_a_stale_if_match_answers_412_and_changes_nothing(string kind)
    {
        var api = await SignedInAsync();
        var (path, created) = await CreateAsync(api, kind);
        var stale = created.Headers.ETag!.Tag;
        var first = await api.PatchAsync(path, Change(kind));
        first.Status.ShouldBe(HttpStatusCode.OK, first.Text);

        var patch = await api.SendAsync(HttpMethod.Patch, path, Change(kind, "Overwritten"), ("If-Match", stale));
        var delete = await api.SendAsync(HttpMethod.Delete, path, null, ("If-Match", stale));

        patch.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        delete.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var now = await api.GetAsync(path);
        now.Status.ShouldBe(HttpStatusCode.OK);
        now.Text.ShouldNotContain("Overwritten");
        now.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag!.Tag);
    }

    [TestCaseSource(nameof(Kinds))]
    public async Task A_delete_with_the_current_etag_or_a_star_deletes(string kind)
    {
        var api = await SignedInAsync();
        var (path, created) = await CreateAsync(api, kind);
        var (otherPath, _) = await CreateAsync(api, kind);

        (await api.SendAsync(HttpMethod.Delete, path, null, ("If-Match", created.Headers.ETag!.Tag))).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.SendAsync(HttpMethod.Delete, otherPath, null, ("If-Match", "*"))).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetAsync(path)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync(otherPath)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task If_match_compares_strongly_and_accepts_a_list_holding_the_current_tag()
    {
        var api = await SignedInAsync();
        var (path, created) = await CreateAsync(api, "contacts");
        var etag = created.Headers.ETag!.Tag;

        var weak = await api.SendAsync(HttpMethod.Patch, path, new { name = "Weak" }, ("If-Match", $"W/{etag}"));
        var unknown = await api.SendAsync(HttpMethod.Patch, path, new { name = "Unknown" }, ("If-Match", "\"not-ours\""));
        var listed = await api.SendAsync(HttpMethod.Patch, path, new { name = "Listed" }, ("If-Match", $"\"1\", ,{etag}"));

        weak.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        unknown.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        listed.Status.ShouldBe(HttpStatusCode.OK, listed.Text);
        ((string?)listed.Json["name"]).ShouldBe("Listed");
    }

    [TestCase("If-Match", "abc")]
    [TestCase("If-Match", "\"1\", *")]
    [TestCase("If-Match", "\"unterminated")]
    [TestCase("If-Match", "\"1\" \"2\"")]
    [TestCase("If-Match", ",")]
    [TestCase("If-None-Match", "W/abc")]
    public async Task A_malformed_condition_answers_400_and_changes_nothing(string header, string value)
    {
        var api = await SignedInAsync();
        var (path, _) = await CreateAsync(api, "contacts");

        var reply = header == "If-Match"
            ? await api.SendAsync(HttpMethod.Patch, path, new { name = "Changed" }, (header, value))
            : await api.SendAsync(HttpMethod.Get, path, null, (header, value));

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_entity_tag");
        ((string?)(await api.GetAsync(path)).Json["name"]).ShouldBe("Ada Lovelace");
    }

    [Test]
    public async Task An_empty_condition_is_no_condition()
    {
        var api = await SignedInAsync();
        var (path, _) = await CreateAsync(api, "contacts");

        var patch = await api.SendAsync(HttpMethod.Patch, path, new { name = "Changed" }, ("If-Match", ""));
        var read = await api.SendAsync(HttpMethod.Get, path, null, ("If-None-Match", ""));

        patch.Status.ShouldBe(HttpStatusCode.OK, patch.Text);
        read.Status.ShouldBe(HttpStatusCode.OK, read.Text);
    }

    [Test]
    public async Task Another_organizations_record_is_not_found_whatever_the_condition()
    {
        var api = NewApi();
        var (path, created) = await CreateAsync(await SignedInAsync(api), "deals");
        var stranger = api.As(await api.RegisterAsync());

        var patch = await stranger.SendAsync(HttpMethod.Patch, path, new { title = "Mine" }, ("If-Match", created.Headers.ETag!.Tag));
        var read = await stranger.SendAsync(HttpMethod.Get, path, null, ("If-None-Match", created.Headers.ETag!.Tag));

        patch.ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
        read.ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
    }

    [Test]
    public async Task Two_parallel_updates_with_the_same_if_match_give_one_200_and_one_412()
    {
        var api = await SignedInAsync();
        for (var round = 0; round < 5; round++)
        {
            var (path, created) = await CreateAsync(api, "deals");
            var etag = created.Headers.ETag!.Tag;

            var replies = await Task.WhenAll(new[] { "Left", "Right" }.Select(title => Task.Run(() =>
                api.SendAsync(HttpMethod.Patch, path, new { title }, ("If-Match", etag)))));

            var detail = string.Join(" | ", replies.Select(r => $"{r.Status} {r.Text}"));
            replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1, detail);
            replies.Single(r => r.Status != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
            var winner = replies.Single(r => r.Status == HttpStatusCode.OK);
            var now = await api.GetAsync(path);
            ((string?)now.Json["title"]).ShouldBe((string?)winner.Json["title"]);
            now.Headers.ETag!.Tag.ShouldBe(winner.Headers.ETag!.Tag);
        }
    }

    [Test]
    public async Task Two_parallel_deletes_with_the_same_if_match_delete_once()
    {
        var api = await SignedInAsync();
        for (var round = 0; round < 5; round++)
        {
            var (path, created) = await CreateAsync(api, "contacts");
            var etag = created.Headers.ETag!.Tag;

            var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
                api.SendAsync(HttpMethod.Delete, path, null, ("If-Match", etag)))));

            var detail = string.Join(" | ", replies.Select(r => $"{r.Status} {r.Text}"));
            replies.Count(r => r.Status == HttpStatusCode.NoContent).ShouldBe(1, detail);
            // The loser either found the row gone (404) or lost the race on its version (412).
            replies.Single(r => r.Status != HttpStatusCode.NoContent).Status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.PreconditionFailed);
        }
    }

    private static async Task<Api> SignedInAsync(Api? api = null)
    {
        api ??= NewApi();
        return api.As(await api.RegisterAsync());
    }

    private static async Task<(string Path, Reply Created)> CreateAsync(Api api, string kind)
    {
        var body = kind switch
        {
            "contacts" => (object)new { name = "Ada Lovelace" },
            "deals" => new { contact_id = await api.CreateContactAsync(), title = "Compilers" },
            _ => new { deal_id = await api.CreateDealAsync(), title = "Call back" },
        };
        var reply = await api.PostAsync($"/api/v1/{kind}", body);
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        reply.Headers.ETag.ShouldNotBeNull();
        return ($"/api/v1/{kind}/{reply["id"]}", reply);
    }

    private static object Change(string kind, string text = "Changed") => kind switch
    {
        "contacts" => new { name = text },
        _ => new { title = text },
    };
}
