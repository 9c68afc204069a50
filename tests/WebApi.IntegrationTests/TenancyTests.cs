using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class TenancyTests : ApiTest
{
    [TestCase("/api/v1/contacts")]
    [TestCase("/api/v1/deals")]
    [TestCase("/api/v1/tasks")]
    [TestCase("/api/v1/analytics/deals/summary")]
    public async Task A_tenant_request_without_the_organization_header_answers_400(string path)
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        (await api.As(account).InOrganization(null).GetAsync(path))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "organization_header_required");
    }

    [Test]
    public async Task A_malformed_organization_header_answers_400()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var client = Testing.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", account.AccessToken);
        client.DefaultRequestHeaders.Add("X-Organization-Id", "not-a-uuid");

        var response = await client.GetAsync("/api/v1/contacts");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("organization_header_required");
    }

    [Test]
    public async Task Naming_an_organization_the_caller_does_not_belong_to_answers_403()
    {
        var api = NewApi();
        var mine = await api.RegisterAsync();
        var theirs = await api.RegisterAsync();

        (await api.As(mine, theirs.OrganizationId).GetAsync("/api/v1/contacts"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(mine, theirs.OrganizationId).PostAsync("/api/v1/contacts", new { name = "Planted" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(mine, Guid.CreateVersion7()).GetAsync("/api/v1/deals"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
    }

    [Test]
    public async Task Another_organizations_record_ids_answer_404_in_the_path_and_400_in_the_body()
    {
        var api = NewApi();
        var theirs = api.As(await api.RegisterAsync());
        var contact = await theirs.CreateContactAsync("Their contact");
        var deal = await theirs.CreateDealAsync(contact);
        var task = await theirs.CreateTaskAsync(deal);
        var mine = api.As(await api.RegisterAsync());

        (await mine.GetAsync($"/api/v1/contacts/{contact}")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await mine.PatchAsync($"/api/v1/contacts/{contact}", new { name = "Stolen" })).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await mine.DeleteAsync($"/api/v1/contacts/{contact}")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await mine.GetAsync($"/api/v1/deals/{deal}")).ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
        (await mine.PatchDealAsync(deal, new { status = "lost" })).ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
        (await mine.DeleteAsync($"/api/v1/deals/{deal}")).ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
        (await mine.GetAsync($"/api/v1/deals/{deal}/activities")).ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
        (await mine.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "hi" } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
        (await mine.GetAsync($"/api/v1/tasks/{task}")).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");
        (await mine.PatchAsync($"/api/v1/tasks/{task}", new { is_done = true })).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");
        (await mine.DeleteAsync($"/api/v1/tasks/{task}")).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");

        (await mine.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Hijack" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "contact_not_found");
        (await mine.PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Hijack" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "deal_not_found");
        var myDeal = await mine.CreateDealAsync();
        (await mine.PatchDealAsync(myDeal, new { contact_id = contact })).ShouldBeProblem(HttpStatusCode.BadRequest, "contact_not_found");

        var untouched = await theirs.GetAsync($"/api/v1/deals/{deal}");
        ((string?)untouched.Json["status"]).ShouldBe("new");
        (await theirs.TimelineAsync(deal)).ShouldBe(["task_created", "system"]);
    }

    [Test]
    public async Task Lists_and_analytics_show_only_the_current_organizations_records()
    {
        var api = NewApi();
        var first = api.As(await api.RegisterAsync());
        var second = api.As(await api.RegisterAsync());
        await first.CreateDealAsync(await first.CreateContactAsync("First's contact"), amount: 10m);
        await second.CreateDealAsync(await second.CreateContactAsync("Second's contact"), amount: 20m);

        var contacts = await first.GetAsync("/api/v1/contacts");
        contacts.Json["items"]!.AsArray().Select(c => (string?)c!["name"]).ShouldBe(["First's contact"]);
        ((int?)(await first.GetAsync("/api/v1/deals")).Json["total"]).ShouldBe(1);
        ((int?)(await first.GetAsync("/api/v1/tasks")).Json["total"]).ShouldBe(0);
        var summary = await first.GetAsync("/api/v1/analytics/deals/summary");
        ((int?)summary.Json["totals"]!["count"]).ShouldBe(1);
        ((decimal?)summary.Json["totals"]!["amounts"]!["USD"]).ShouldBe(10m);
    }
}
