using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class CursorPagingTests : ApiTest
{
    [Test]
    public async Task Following_next_cursor_walks_every_contact_once_in_creation_order_even_while_rows_are_added()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await api.CreateContactAsync($"Contact {i}")).ToString());
        }

        var first = await api.GetAsync("/api/v1/contacts?page_size=3");
        var insertedMeanwhile = (await api.CreateContactAsync("Added while paging")).ToString();
        var seen = Ids(first).ToList();
        var pages = new List<int> { (int)first.Json["page"]! };
        var cursor = (string?)first.Json["next_cursor"];
        while (cursor is not null)
        {
            var next = await api.GetAsync($"/api/v1/contacts?page_size=3&cursor={Uri.EscapeDataString(cursor)}");
            next.Status.ShouldBe(HttpStatusCode.OK, next.Text);
            seen.AddRange(Ids(next));
            pages.Add((int)next.Json["page"]!);
            cursor = (string?)next.Json["next_cursor"];
        }

        seen.ShouldBe([.. created, insertedMeanwhile]);
        pages.ShouldBe([1, 2, 3]);
    }

    [Test]
    public async Task A_descending_cursor_continues_newest_first_and_the_last_page_has_no_next_cursor()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var deals = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            deals.Add((await api.CreateDealAsync(contact, $"Deal {i}")).ToString());
        }

        var first = await api.GetAsync("/api/v1/deals?order_by=created_at&order=desc&page_size=2");
        var second = await api.GetAsync($"/api/v1/deals?order_by=created_at&order=desc&page_size=2&cursor={first.Json["next_cursor"]}");
        var last = await api.GetAsync($"/api/v1/deals?order_by=created_at&order=desc&page_size=2&cursor={second.Json["next_cursor"]}");

        Ids(first).Concat(Ids(second)).Concat(Ids(last)).ShouldBe(Enumerable.Reverse(deals));
        ((int?)last.Json["total"]).ShouldBe(5);
        last.Json["next_cursor"].ShouldBeNull();
        (await api.GetAsync($"/api/v1/deals?order_by=created_at&order=asc&page_size=2&cursor={first.Json["next_cursor"]}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Test]
    public async Task Tasks_and_the_timeline_page_by_cursor_too()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync(await api.CreateContactAsync());
        var tasks = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tasks.Add((await api.CreateTaskAsync(deal, $"Task {i}")).ToString());
            await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = $"Note {i}" } });
        }

        var taskPage = await api.GetAsync("/api/v1/tasks?order_by=created_at&page_size=2");
        var taskRest = await api.GetAsync($"/api/v1/tasks?order_by=created_at&page_size=2&cursor={taskPage.Json["next_cursor"]}");
        Ids(taskPage).Concat(Ids(taskRest)).ShouldBe(tasks);

        var timeline = await api.GetAsync($"/api/v1/deals/{deal}/activities?page_size=4");
        var older = await api.GetAsync($"/api/v1/deals/{deal}/activities?page_size=4&cursor={timeline.Json["next_cursor"]}");
        var all = await api.GetAsync($"/api/v1/deals/{deal}/activities?page_size=100");
        Ids(timeline).Concat(Ids(older)).ShouldBe(Ids(all));
        older.Json["next_cursor"].ShouldBeNull();
    }

    [Test]
    public async Task Other_orders_issue_no_cursor_and_refuse_one()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await api.CreateContactAsync("One");
        await api.CreateContactAsync("Two");
        var cursor = (string?)(await api.GetAsync("/api/v1/contacts?page_size=1")).Json["next_cursor"];
        cursor.ShouldNotBeNull();

        var byName = await api.GetAsync("/api/v1/contacts?order_by=name&page_size=1");

        byName.Json["next_cursor"].ShouldBeNull();
        (await api.GetAsync($"/api/v1/contacts?order_by=name&page_size=1&cursor={cursor}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "cursor_not_supported");
        (await api.GetAsync("/api/v1/tasks?cursor=abc"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "cursor_not_supported");
    }

    [TestCase("not-a-cursor")]
    [TestCase("YzEuMTIzLnh5ei4wLmE")]
    [TestCase("")]
    public async Task A_cursor_the_list_did_not_issue_answers_400_invalid_cursor(string cursor)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await api.GetAsync($"/api/v1/contacts?cursor={(cursor.Length == 0 ? "%20" : cursor)}");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Test]
    public async Task A_cursor_cannot_be_combined_with_a_page_number()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await api.CreateContactAsync("One");
        await api.CreateContactAsync("Two");
        var cursor = (string?)(await api.GetAsync("/api/v1/contacts?page_size=1")).Json["next_cursor"];

        var reply = await api.GetAsync($"/api/v1/contacts?page=2&page_size=1&cursor={cursor}");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("page").ShouldNotBeEmpty();
    }

    [Test]
    public async Task A_cursor_from_another_organization_reveals_nothing_of_it()
    {
        var api = NewApi();
        var other = api.As(await api.RegisterAsync());
        await other.CreateContactAsync("Theirs 1");
        await other.CreateContactAsync("Theirs 2");
        var theirCursor = (string?)(await other.GetAsync("/api/v1/contacts?page_size=1")).Json["next_cursor"];
        var mine = api.As(await api.RegisterAsync());
        await mine.CreateContactAsync("Mine");

        var reply = await mine.GetAsync($"/api/v1/contacts?cursor={theirCursor}");

        // Bound to the organization that issued it: refused, and nothing of theirs is shown.
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        reply.Text.ShouldNotContain("Theirs");
    }

    [Test]
    public async Task Totals_follow_every_add_change_and_delete_at_once()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var first = await api.CreateContactAsync("Zed Quimby");
        await api.CreateContactAsync("Zed Other");
        async Task<int> Total(string query) => (int)(await api.GetAsync($"/api/v1/contacts?{query}")).Json["total"]!;
        (await Total("search=quimby")).ShouldBe(1);
        (await Total("page_size=1")).ShouldBe(2);

        await api.PatchAsync($"/api/v1/contacts/{first}", new { name = "Zed Renamed" });
        (await Total("search=quimby")).ShouldBe(0);
        var added = await api.CreateContactAsync("Ann Quimby");
        (await Total("search=quimby")).ShouldBe(1);
        (await Total("page_size=1")).ShouldBe(3);
        (await api.DeleteAsync($"/api/v1/contacts/{added}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await Total("search=quimby")).ShouldBe(0);
        (await Total("page_size=1")).ShouldBe(2);
    }

    [Test]
    public async Task Deleting_a_deal_drops_its_tasks_from_the_task_totals()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        await api.CreateTaskAsync(deal);
        ((int)(await api.GetAsync("/api/v1/tasks")).Json["total"]!).ShouldBe(1);

        (await api.DeleteAsync($"/api/v1/deals/{deal}")).Status.ShouldBe(HttpStatusCode.NoContent);

        ((int)(await api.GetAsync("/api/v1/tasks")).Json["total"]!).ShouldBe(0);
    }

    private static IEnumerable<string> Ids(Reply reply) =>
        reply.Json["items"]!.AsArray().Select(item => (string)item!["id"]!);
}
