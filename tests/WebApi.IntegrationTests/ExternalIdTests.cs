using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ExternalIdTests : ApiTest
{
    [TestCase("contacts")]
    [TestCase("deals")]
    public async Task An_external_id_is_shown_filtered_on_and_unique_per_organization_and_record_type(string resource)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var other = NewApi().As(await NewApi().RegisterAsync());
        var created = await CreateAsync(api, resource, "SF-1");
        await CreateAsync(api, resource, "SF-2");

        ((string?)created.Json["external_id"]).ShouldBe("SF-1");
        var listed = await api.GetAsync($"/api/v1/{resource}?external_id=SF-1&external_id=nowhere");
        listed.Json["items"]!.AsArray().Select(i => (string?)i!["id"]).ShouldBe([(string?)created.Json["id"]]);
        (await api.GetAsync($"/api/v1/{resource}?external_id=sf-1")).Json["items"]!.AsArray().ShouldBeEmpty();
        (await CreateAsync(api, resource, "SF-1")).ShouldBeProblem(HttpStatusCode.Conflict, "external_id_taken");
        (await CreateAsync(other, resource, "SF-1")).Status.ShouldBe(HttpStatusCode.Created);
        (await CreateAsync(api, resource == "contacts" ? "deals" : "contacts", "SF-1")).Status.ShouldBe(HttpStatusCode.Created);
    }

    [TestCase("contacts")]
    [TestCase("deals")]
    public async Task A_patch_sets_changes_and_clears_an_external_id_but_never_to_one_taken(string resource)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var id = (string)(await CreateAsync(api, resource, null)).Json["id"]!;
        await CreateAsync(api, resource, "taken");

        ((string?)(await api.PatchAsync($"/api/v1/{resource}/{id}", new { external_id = "mine" })).Json["external_id"]).ShouldBe("mine");
        (await api.PatchAsync($"/api/v1/{resource}/{id}", new { external_id = "taken" })).ShouldBeProblem(HttpStatusCode.Conflict, "external_id_taken");
        ((string?)(await api.GetAsync($"/api/v1/{resource}/{id}")).Json["external_id"]).ShouldBe("mine");
        ((string?)(await api.PatchAsync($"/api/v1/{resource}/{id}", new { external_id = (string?)null })).Json["external_id"]).ShouldBeNull();
        ((string?)(await api.PatchAsync($"/api/v1/{resource}/{id}", new { external_id = "taken-later" })).Json["external_id"]).ShouldBe("taken-later");
    }

    [Test]
    public async Task A_contact_replacement_keeps_the_external_id_sent_and_clears_one_left_out()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var id = (string)(await CreateAsync(api, "contacts", "SF-1")).Json["id"]!;

        var kept = await api.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", owner_id = account.UserId, external_id = "SF-1" });
        var cleared = await api.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", owner_id = account.UserId });

        ((string?)kept.Json["external_id"]).ShouldBe("SF-1", kept.Text);
        ((string?)cleared.Json["external_id"]).ShouldBeNull(cleared.Text);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("a\u0001b")]
    [TestCase("line\nbreak")]
    public async Task A_blank_or_control_character_external_id_answers_400(string externalId)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await CreateAsync(api, "contacts", externalId);

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("external_id").ShouldNotBeEmpty();
    }

    [Test]
    public async Task An_external_id_longer_than_255_characters_answers_400()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        (await CreateAsync(api, "deals", new string('x', 255))).Status.ShouldBe(HttpStatusCode.Created);
        (await CreateAsync(api, "deals", new string('y', 256))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")
            .ErrorsOf("external_id").ShouldNotBeEmpty();
        (await api.GetAsync($"/api/v1/deals?external_id={new string('y', 256)}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Parallel_creations_with_one_external_id_create_one_record_and_answer_409_to_the_others()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            api.PostAsync("/api/v1/contacts", new { name = $"Racer {i}", external_id = "race" })));

        replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.Created)
            .ShouldAllBe(r => r.Status == HttpStatusCode.Conflict && r.Text.Contains("external_id_taken"));
        (await api.GetAsync("/api/v1/contacts?external_id=race")).Json["items"]!.AsArray().Count.ShouldBe(1);
    }

    private static async Task<Reply> CreateAsync(Api api, string resource, string? externalId) => resource switch
    {
        "contacts" => await api.PostAsync("/api/v1/contacts", new { name = "Ada", external_id = externalId }),
        _ => await api.PostAsync("/api/v1/deals", new { contact_id = await api.CreateContactAsync(), title = "Deal", external_id = externalId }),
    };
}
