using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class CompanyTaskTests : ApiTest
{
    private static async Task<Guid> CreateCompanyAsync(Api api, Guid? ownerId = null)
    {
        var reply = await api.PostAsync("/api/v1/companies", new { name = "Initech", owner_id = ownerId });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse((string)reply.Json["id"]!);
    }

    [Test]
    public async Task A_task_on_a_company_shows_on_the_companys_timeline_and_in_its_task_list()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var company = await CreateCompanyAsync(api);
        var other = await CreateCompanyAsync(api);

        var created = await api.PostAsync("/api/v1/tasks", new { company_id = company, title = "Renewal call" });

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        ((string?)created.Json["company_id"]).ShouldBe(company.ToString());
        ((string?)created.Json["deal_id"]).ShouldBeNull();
        ((string?)created.Json["contact_id"]).ShouldBeNull();
        var id = (string)created.Json["id"]!;
        (await api.PatchAsync($"/api/v1/tasks/{id}", new { is_done = true })).Status.ShouldBe(HttpStatusCode.OK);
        var timeline = await api.GetAsync($"/api/v1/companies/{company}/activities");
        timeline.Json["items"]!.AsArray().Select(a => (string?)a!["type"]).ShouldBe(["task_completed", "task_created", "system"]);
        ((string?)timeline.Json["items"]![1]!["payload"]!["task_id"]).ShouldBe(id);
        (await api.TimelineTypesAsync($"/api/v1/companies/{other}/activities")).ShouldBe(["system"]);
        var listed = await api.GetAsync($"/api/v1/tasks?company_id={company}");
        listed.Json["items"]!.AsArray().Select(t => (string?)t!["id"]).ShouldBe([id]);
        (await api.GetAsync($"/api/v1/tasks?company_id={other}")).Json["items"]!.AsArray().ShouldBeEmpty();
    }

    [Test]
    public async Task A_task_is_on_exactly_one_record_and_on_a_company_of_the_organization()
    {
        var api = NewApi();
        var owner = api.As(await api.RegisterAsync());
        var stranger = api.As(await api.RegisterAsync());
        var company = await CreateCompanyAsync(owner);
        var theirs = await CreateCompanyAsync(stranger);
        var contact = await owner.CreateContactAsync();

        (await owner.PostAsync("/api/v1/tasks", new { company_id = theirs, title = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
        (await owner.PostAsync("/api/v1/tasks", new { company_id = Guid.NewGuid(), title = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
        (await owner.PostAsync("/api/v1/tasks", new { company_id = company, contact_id = contact, title = "x" })).ErrorsOf("company_id").ShouldNotBeEmpty();
        (await owner.PostAsync("/api/v1/tasks", new { title = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var task = await owner.PostAsync("/api/v1/tasks", new { company_id = company, title = "x" });
        (await stranger.GetAsync($"/api/v1/tasks/{task["id"]}")).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");
    }

    [TestCase("owner", HttpStatusCode.Created)]
    [TestCase("admin", HttpStatusCode.Created)]
    [TestCase("manager", HttpStatusCode.Created)]
    [TestCase("member", HttpStatusCode.Forbidden)]
    public async Task Tasks_on_someone_elses_company_are_for_managers_and_above(string role, HttpStatusCode expected)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var colleague = await Team.JoinAsync(api, team.Owner, "member");
        var company = await CreateCompanyAsync(api.As(team.Owner), colleague.UserId);
        var actor = api.As(role switch { "owner" => team.Owner, "admin" => team.Admin, "manager" => team.Manager, _ => team.Member });

        var reply = await actor.PostAsync("/api/v1/tasks", new { company_id = company, title = "Check in" });

        if (expected == HttpStatusCode.Created)
        {
            reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
            (await actor.DeleteAsync($"/api/v1/tasks/{reply["id"]}")).Status.ShouldBe(HttpStatusCode.NoContent);
        }
        else
        {
            reply.ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        }

        (await api.As(colleague).PostAsync("/api/v1/tasks", new { company_id = company, title = "Mine" })).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Deleting_a_company_takes_its_tasks_and_own_timeline_with_it()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var company = await CreateCompanyAsync(api);
        var task = await api.PostAsync("/api/v1/tasks", new { company_id = company, title = "x" });

        (await api.DeleteAsync($"/api/v1/companies/{company}")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetAsync($"/api/v1/tasks/{task["id"]}")).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM activities WHERE company_id IS NOT NULL")).ShouldBe(0);
    }
}
