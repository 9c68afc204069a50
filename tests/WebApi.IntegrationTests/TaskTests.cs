using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class TaskTests : ApiTest
{
    [Test]
    public async Task Creating_a_task_answers_201_and_writes_task_created_on_the_deal()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();

        var reply = await api.PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", description = "About pricing", due_date = Records.Today });

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        reply.Headers.Location!.ToString().ShouldBe($"/api/v1/tasks/{(string)reply.Json["id"]!}");
        ((string?)reply.Json["due_date"]).ShouldBe(Records.Today);
        ((bool?)reply.Json["is_done"]).ShouldBe(false);
        var timeline = await api.GetAsync($"/api/v1/deals/{deal}/activities");
        var created = timeline.Json["items"]![0]!;
        ((string?)created["type"]).ShouldBe("task_created");
        ((string?)created["payload"]!["task_id"]).ShouldBe((string?)reply.Json["id"]);
        ((string?)created["payload"]!["title"]).ShouldBe("Call");
    }

    [Test]
    public async Task A_due_date_before_today_answers_400_on_create_and_update()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        var task = await api.CreateTaskAsync(deal);

        (await api.PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Late", due_date = Records.DaysFromToday(-1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "due_date_in_past");
        (await api.PatchAsync($"/api/v1/tasks/{task}", new { due_date = Records.DaysFromToday(-1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "due_date_in_past");
        (await api.PatchAsync($"/api/v1/tasks/{task}", new { due_date = Records.DaysFromToday(2) })).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_member_adds_and_changes_tasks_only_on_deals_it_owns()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var managersDeal = await api.As(team.Manager).CreateDealAsync();
        var managersTask = await api.As(team.Manager).CreateTaskAsync(managersDeal);
        var membersDeal = await api.As(team.Member).CreateDealAsync();

        (await api.As(team.Member).PostAsync("/api/v1/tasks", new { deal_id = managersDeal, title = "Sneak" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
        (await api.As(team.Member).PatchAsync($"/api/v1/tasks/{managersTask}", new { is_done = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
        (await api.As(team.Member).DeleteAsync($"/api/v1/tasks/{managersTask}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
        await api.As(team.Member).CreateTaskAsync(membersDeal);
        await api.As(team.Manager).CreateTaskAsync(membersDeal);
    }

    [Test]
    public async Task Completing_a_task_writes_task_completed_once()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        var task = await api.CreateTaskAsync(deal, "Send quote");

        var done = await api.PatchAsync($"/api/v1/tasks/{task}", new { is_done = true });
        await api.PatchAsync($"/api/v1/tasks/{task}", new { is_done = true, title = "Send the quote" });

        ((bool?)done.Json["is_done"]).ShouldBe(true);
        ((string?)done.Json["completed_at"]).ShouldNotBeNull();
        (await api.TimelineAsync(deal)).ShouldBe(["task_completed", "task_created", "system"]);
    }

    [Test]
    public async Task Tasks_are_listed_by_due_date_with_undated_ones_last_and_filtered()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        var otherDeal = await api.CreateDealAsync();
        await api.CreateTaskAsync(deal, "undated");
        await api.CreateTaskAsync(deal, "in five days", Records.DaysFromToday(5));
        var doneTask = await api.CreateTaskAsync(deal, "tomorrow", Records.DaysFromToday(1));
        await api.CreateTaskAsync(otherDeal, "other deal", Records.DaysFromToday(3));
        await api.PatchAsync($"/api/v1/tasks/{doneTask}", new { is_done = true });

        async Task<List<string?>> Titles(string query) =>
            (await api.GetAsync($"/api/v1/tasks?{query}")).Json["items"]!.AsArray().Select(t => (string?)t!["title"]).ToList();

        (await Titles("")).ShouldBe(["tomorrow", "other deal", "in five days", "undated"]);
        (await Titles($"deal_id={deal}&only_open=true")).ShouldBe(["in five days", "undated"]);
        (await Titles($"due_before={Records.DaysFromToday(4)}")).ShouldBe(["tomorrow", "other deal"]);
        (await Titles($"due_after={Records.DaysFromToday(2)}")).ShouldBe(["other deal", "in five days"]);
    }

    [Test]
    public async Task A_deleted_task_is_gone()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var task = await api.CreateTaskAsync(await api.CreateDealAsync());

        (await api.DeleteAsync($"/api/v1/tasks/{task}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetAsync($"/api/v1/tasks/{task}")).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");
    }

    [Test]
    public async Task Task_fields_are_validated()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();

        var reply = await api.PostAsync("/api/v1/tasks", new { deal_id = deal, title = " ", description = new string('d', 5001) });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("title").ShouldNotBeEmpty();
        reply.ErrorsOf("description").ShouldNotBeEmpty();
    }
}
