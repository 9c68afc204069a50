using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ContactTests : ApiTest
{
    [Test]
    public async Task Creating_a_contact_answers_201_with_its_location_and_the_caller_as_owner()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        var reply = await api.As(account).PostAsync("/api/v1/contacts", new { name = "Ada Lovelace", email = "ada@example.com", phone = "+44 (20) 7946-0001" });

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        var id = (string)reply.Json["id"]!;
        reply.Headers.Location!.ToString().ShouldBe($"/api/v1/contacts/{id}");
        ((string?)reply.Json["owner_id"]).ShouldBe(account.UserId.ToString());
        ((string?)reply.Json["phone"]).ShouldBe("+44 (20) 7946-0001");
        var read = await api.As(account).GetAsync($"/api/v1/contacts/{id}");
        ((string?)read.Json["email"]).ShouldBe("ada@example.com");
        ((string?)read.Json["created_at"]).ShouldBe((string?)reply.Json["created_at"]);
    }

    [Test]
    public async Task Invalid_fields_answer_400_naming_each_field()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        var reply = await api.As(account).PostAsync("/api/v1/contacts", new { name = "", email = "not-an-email", phone = "12ab" });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("name").ShouldNotBeEmpty();
        reply.ErrorsOf("email").ShouldNotBeEmpty();
        reply.ErrorsOf("phone").ShouldNotBeEmpty();
    }

    [TestCase("1234")]
    [TestCase("123456789012345678901")]
    [TestCase("+1 555 0100 ext 5")]
    public async Task A_phone_needs_5_to_20_digits_and_only_phone_punctuation(string phone)
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        var reply = await api.As(account).PostAsync("/api/v1/contacts", new { name = "Ada", phone });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("phone").ShouldNotBeEmpty();
    }

    [Test]
    public async Task An_email_is_unique_within_the_organization_whatever_its_case_but_not_across_organizations()
    {
        var api = NewApi();
        var first = api.As(await api.RegisterAsync());
        await first.CreateContactAsync("Ada", "ada@example.com");

        (await first.PostAsync("/api/v1/contacts", new { name = "Ada again", email = "ADA@example.com" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "contact_email_taken");
        var other = await first.CreateContactAsync("Other", "other@example.com");
        (await first.PatchAsync($"/api/v1/contacts/{other}", new { email = "Ada@Example.com" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "contact_email_taken");

        var second = api.As(await api.RegisterAsync());
        await second.CreateContactAsync("Ada elsewhere", "ada@example.com");
    }

    [Test]
    public async Task A_manager_may_give_a_contact_to_another_member_but_a_member_may_not()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var outsider = await api.RegisterAsync();

        var given = await api.As(team.Manager).PostAsync("/api/v1/contacts", new { name = "For the member", owner_id = team.Member.UserId });
        given.Status.ShouldBe(HttpStatusCode.Created, given.Text);
        ((string?)given.Json["owner_id"]).ShouldBe(team.Member.UserId.ToString());

        (await api.As(team.Member).PostAsync("/api/v1/contacts", new { name = "For the manager", owner_id = team.Manager.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_assignment_forbidden");
        (await api.As(team.Manager).PostAsync("/api/v1/contacts", new { name = "For a stranger", owner_id = outsider.UserId }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "user_not_member");
    }

    [Test]
    public async Task A_partial_update_changes_only_the_fields_sent_and_null_clears_an_optional_field()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var reply = await api.PostAsync("/api/v1/contacts", new { name = "Ada", email = "ada@example.com", phone = "+44 20 7946 0001" });
        var id = (string)reply.Json["id"]!;

        var renamed = await api.PatchAsync($"/api/v1/contacts/{id}", new { name = "Ada King" });
        var cleared = await api.SendRawAsync(HttpMethod.Patch, $"/api/v1/contacts/{id}", """{"email": null}""");

        ((string?)renamed.Json["name"]).ShouldBe("Ada King");
        ((string?)renamed.Json["email"]).ShouldBe("ada@example.com");
        cleared.Status.ShouldBe(HttpStatusCode.OK, cleared.Text);
        cleared.Json["email"].ShouldBeNull();
        ((string?)cleared.Json["name"]).ShouldBe("Ada King");
        ((string?)cleared.Json["phone"]).ShouldBe("+44 20 7946 0001");
        (await api.SendRawAsync(HttpMethod.Patch, $"/api/v1/contacts/{id}", """{"name": null}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_member_changes_and_deletes_only_its_own_contacts_while_managers_change_any()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var managers = await api.As(team.Manager).CreateContactAsync("Manager's");
        var members = await api.As(team.Member).CreateContactAsync("Member's");

        (await api.As(team.Member).PatchAsync($"/api/v1/contacts/{managers}", new { name = "Mine" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).DeleteAsync($"/api/v1/contacts/{managers}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).PatchAsync($"/api/v1/contacts/{members}", new { name = "Still mine" })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Manager).PatchAsync($"/api/v1/contacts/{members}", new { name = "Managed" })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Member).GetAsync($"/api/v1/contacts/{managers}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_contact_with_deals_cannot_be_deleted_and_one_without_is_gone()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var withDeal = await api.CreateContactAsync("Busy");
        await api.CreateDealAsync(withDeal);
        var free = await api.CreateContactAsync("Free");

        (await api.DeleteAsync($"/api/v1/contacts/{withDeal}")).ShouldBeProblem(HttpStatusCode.Conflict, "contact_has_deals");
        (await api.DeleteAsync($"/api/v1/contacts/{free}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetAsync($"/api/v1/contacts/{free}")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await api.GetAsync($"/api/v1/contacts/{withDeal}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("muller", "José Müller")]
    [TestCase("JOSÉ", "José Müller")]
    [TestCase("jose m", "José Müller")]
    [TestCase("@bletchley", "Alan Turing")]
    [TestCase("100%", null)]
    public async Task Search_matches_a_substring_of_name_or_email_ignoring_case_and_accents(string search, string? expected)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await api.CreateContactAsync("José Müller", "jose@acentos.example");
        await api.CreateContactAsync("Alan Turing", "alan@bletchley.example");
        await api.CreateContactAsync("Ada Lovelace", "ada@analytical.example");

        var reply = await api.GetAsync($"/api/v1/contacts?search={Uri.EscapeDataString(search)}");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.Json["items"]!.AsArray().Select(c => (string?)c!["name"]).ShouldBe(expected is null ? [] : [expected]);
    }

    [Test]
    public async Task Lists_are_paged_and_sorted_by_name_or_creation_in_either_direction()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        foreach (var name in new[] { "charlie", "Alpha", "bravo" })
        {
            await api.CreateContactAsync(name);
        }

        var byName = await api.GetAsync("/api/v1/contacts?order_by=name&order=asc");
        var newestFirst = await api.GetAsync("/api/v1/contacts?order_by=created_at&order=desc&page=1&page_size=2");
        var secondPage = await api.GetAsync("/api/v1/contacts?order_by=created_at&order=desc&page=2&page_size=2");

        byName.Json["items"]!.AsArray().Select(c => (string?)c!["name"]).ShouldBe(["Alpha", "bravo", "charlie"]);
        newestFirst.Json["items"]!.AsArray().Select(c => (string?)c!["name"]).ShouldBe(["bravo", "Alpha"]);
        ((int?)newestFirst.Json["total"]).ShouldBe(3);
        ((int?)newestFirst.Json["pages"]).ShouldBe(2);
        secondPage.Json["items"]!.AsArray().Select(c => (string?)c!["name"]).ShouldBe(["charlie"]);
    }

    [TestCase("order_by=email")]
    [TestCase("order=sideways")]
    [TestCase("page_size=101")]
    [TestCase("page=0")]
    public async Task Unknown_sort_fields_and_paging_out_of_range_answer_400(string query)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        (await api.GetAsync($"/api/v1/contacts?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Only_managers_and_above_filter_by_owner()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await api.As(team.Member).CreateContactAsync("Member's");
        await api.As(team.Manager).CreateContactAsync("Manager's");

        var filtered = await api.As(team.Manager).GetAsync($"/api/v1/contacts?owner_id={team.Member.UserId}");
        filtered.Json["items"]!.AsArray().Select(c => (string?)c!["name"]).ShouldBe(["Member's"]);
        (await api.As(team.Member).GetAsync($"/api/v1/contacts?owner_id={team.Member.UserId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_filter_forbidden");
        ((int?)(await api.As(team.Member).GetAsync("/api/v1/contacts")).Json["total"]).ShouldBe(2);
    }
}
