using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class TaskAssigneeTests : ApiTest
{
    [Test]
    public async Task A_task_is_assigned_to_its_creator_or_for_an_api_key_to_the_key()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var deal = await api.As(owner).CreateDealAsync();

        var mine = await api.As(owner).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call" });
        ((string?)mine.Json["assignee_id"]).ShouldBe(owner.UserId.ToString());
        ((string?)mine.Json["contact_id"]).ShouldBeNull();

        var key = await api.As(owner).PostAsync("/api/v1/api-keys", new { name = "Sync", role = "manager" });
        var byKey = await api.WithToken(key["secret"]).InOrganization(null).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Sync" });
        byKey.Status.ShouldBe(HttpStatusCode.Created, byKey.Text);
        ((string?)byKey.Json["assignee_id"]).ShouldBe(key["id"]);
    }

    [Test]
    public async Task A_member_gives_a_task_on_its_deal_to_a_colleague_who_may_then_change_it_but_not_delete_it()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var colleague = await Team.JoinAsync(api, team.Owner, "member");
        var deal = await api.As(team.Member).CreateDealAsync();

        var task = await api.As(team.Member).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Demo", assignee_id = colleague.UserId });
        task.Status.ShouldBe(HttpStatusCode.Created, task.Text);
        var id = (string)task.Json["id"]!;

        var changed = await api.As(colleague).PatchAsync($"/api/v1/tasks/{id}", new { title = "Demo booked", is_done = true });
        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        (await api.As(colleague).DeleteAsync($"/api/v1/tasks/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
        (await api.As(colleague).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Mine" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
    }

    [Test]
    public async Task A_member_assigned_a_task_on_a_deal_it_does_not_own_hands_it_on_and_is_then_refused()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team.Manager).CreateDealAsync();
        var task = await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Quote", assignee_id = team.Member.UserId });
        var id = (string)task.Json["id"]!;
        var other = await api.As(team.Manager).CreateTaskAsync(deal, "Not for the member");

        (await api.As(team.Member).PatchAsync($"/api/v1/tasks/{other}", new { is_done = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
        (await api.As(team.Member).PatchAsync($"/api/v1/tasks/{other}", new { assignee_id = team.Member.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
        var handed = await api.As(team.Member).PatchAsync($"/api/v1/tasks/{id}", new { assignee_id = team.Admin.UserId });
        handed.Status.ShouldBe(HttpStatusCode.OK, handed.Text);
        ((string?)handed.Json["assignee_id"]).ShouldBe(team.Admin.UserId.ToString());
        (await api.As(team.Member).PatchAsync($"/api/v1/tasks/{id}", new { is_done = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_deal_owner");
    }

    [Test]
    public async Task An_assignee_from_another_organization_or_nowhere_is_refused_alike()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var deal = await api.As(owner).CreateDealAsync();
        var task = await api.As(owner).CreateTaskAsync(deal);

        var fromElsewhere = await api.As(owner).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", assignee_id = stranger.UserId });
        var fromNowhere = await api.As(owner).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", assignee_id = Guid.NewGuid() });
        fromElsewhere.ShouldBeProblem(HttpStatusCode.BadRequest, "assignee_not_found");
        fromNowhere.ShouldBeProblem(HttpStatusCode.BadRequest, "assignee_not_found");
        (await api.As(owner).PatchAsync($"/api/v1/tasks/{task}", new { assignee_id = stranger.UserId }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "assignee_not_found");
        (await api.As(owner).GetAsync($"/api/v1/tasks/{task}")).Json["assignee_id"]!.ToString().ShouldBe(owner.UserId.ToString());
    }

    [Test]
    public async Task Reassigning_writes_task_assigned_on_the_deals_timeline_once()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team.Owner).CreateDealAsync();
        var task = await api.As(team.Owner).CreateTaskAsync(deal, "Send quote");

        await api.As(team.Owner).PatchAsync($"/api/v1/tasks/{task}", new { assignee_id = team.Member.UserId });
        await api.As(team.Owner).PatchAsync($"/api/v1/tasks/{task}", new { assignee_id = team.Member.UserId });

        (await api.As(team.Owner).TimelineAsync(deal)).ShouldBe(["task_assigned", "task_created", "system"]);
        var entry = (await api.As(team.Owner).GetAsync($"/api/v1/deals/{deal}/activities")).Json["items"]![0]!;
        ((string?)entry["payload"]!["task_id"]).ShouldBe(task.ToString());
        ((string?)entry["payload"]!["from"]).ShouldBe(team.Owner.UserId.ToString());
        ((string?)entry["payload"]!["to"]).ShouldBe(team.Member.UserId.ToString());
    }

    [Test]
    public async Task A_task_is_on_a_deal_or_a_contact_exactly()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        var contact = await api.CreateContactAsync(email: "grace@example.com");

        var onContact = await api.PostAsync("/api/v1/tasks", new { contact_id = contact, title = "Intro call", due_date = Records.Today });
        onContact.Status.ShouldBe(HttpStatusCode.Created, onContact.Text);
        ((string?)onContact.Json["contact_id"]).ShouldBe(contact.ToString());
        ((string?)onContact.Json["deal_id"]).ShouldBeNull();
        var both = await api.PostAsync("/api/v1/tasks", new { deal_id = deal, contact_id = contact, title = "Both" });
        both.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        both.ErrorsOf("contact_id").ShouldNotBeEmpty();
        var neither = await api.PostAsync("/api/v1/tasks", new { title = "Neither" });
        neither.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        neither.ErrorsOf("deal_id").ShouldNotBeEmpty();
        neither.ErrorsOf("contact_id").ShouldNotBeEmpty();
        (await api.PostAsync("/api/v1/tasks", new { contact_id = Guid.NewGuid(), title = "Ghost" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "contact_not_found");

        var id = (string)onContact.Json["id"]!;
        (await api.PatchAsync($"/api/v1/tasks/{id}", new { is_done = true })).Status.ShouldBe(HttpStatusCode.OK);
        var listed = await api.GetAsync($"/api/v1/tasks?contact_id={contact}");
        listed.Json["items"]!.AsArray().Select(t => (string?)t!["id"]).ShouldBe([id]);
        (await api.DeleteAsync($"/api/v1/contacts/{contact}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetAsync($"/api/v1/tasks/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");
    }

    [Test]
    public async Task Another_organizations_contact_is_not_found_for_a_task()
    {
        var api = NewApi();
        var stranger = api.As(await api.RegisterAsync());
        var contact = await stranger.CreateContactAsync();
        var mine = api.As(await api.RegisterAsync());

        (await mine.PostAsync("/api/v1/tasks", new { contact_id = contact, title = "Sneak" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "contact_not_found");
    }

    [Test]
    public async Task A_member_works_on_a_contacts_tasks_only_when_it_owns_the_contact_or_is_assigned()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var contact = await api.As(team.Manager).CreateContactAsync();
        var assigned = await api.As(team.Manager).PostAsync("/api/v1/tasks", new { contact_id = contact, title = "Call", assignee_id = team.Member.UserId });
        var notAssigned = await api.As(team.Manager).PostAsync("/api/v1/tasks", new { contact_id = contact, title = "Email" });

        (await api.As(team.Member).PostAsync("/api/v1/tasks", new { contact_id = contact, title = "Sneak" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).PatchAsync($"/api/v1/tasks/{assigned.Json["id"]}", new { is_done = true })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Member).PatchAsync($"/api/v1/tasks/{notAssigned.Json["id"]}", new { is_done = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
    }

    [Test]
    public async Task My_tasks_are_listed_by_due_date_and_filtered_by_status_with_paging()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team.Owner).CreateDealAsync();
        async Task<string> Task(string title, string? due, Guid assignee)
        {
            var reply = await api.As(team.Owner).PostAsync("/api/v1/tasks", new { deal_id = deal, title, due_date = due, assignee_id = assignee });
            reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
            return (string)reply.Json["id"]!;
        }

        await Task("undated", null, team.Member.UserId);
        await Task("in five days", Records.DaysFromToday(5), team.Member.UserId);
        var done = await Task("tomorrow", Records.DaysFromToday(1), team.Member.UserId);
        await Task("today", Records.Today, team.Member.UserId);
        await Task("the owner's", Records.DaysFromToday(2), team.Owner.UserId);
        await api.As(team.Owner).PatchAsync($"/api/v1/tasks/{done}", new { is_done = true });

        async Task<List<string?>> Titles(Account who, string query) =>
            (await api.As(who).GetAsync($"/api/v1/tasks?{query}")).Json["items"]!.AsArray().Select(t => (string?)t!["title"]).ToList();

        (await Titles(team.Member, "assignee_id=me")).ShouldBe(["today", "tomorrow", "in five days", "undated"]);
        (await Titles(team.Member, "assignee_id=me&status=open")).ShouldBe(["today", "in five days", "undated"]);
        (await Titles(team.Member, "assignee_id=me&status=done")).ShouldBe(["tomorrow"]);
        (await Titles(team.Member, "assignee_id=me&status=overdue")).ShouldBeEmpty();
        (await Titles(team.Owner, $"assignee_id={team.Member.UserId}&status=open&page_size=2")).ShouldBe(["today", "in five days"]);
        (await Titles(team.Owner, $"assignee_id={team.Member.UserId}&status=open&page_size=2&page=2")).ShouldBe(["undated"]);
        (await Titles(team.Owner, $"assignee_id=me&assignee_id={team.Member.UserId}&status=done&status=open"))
            .ShouldBe(["today", "tomorrow", "the owner's", "in five days", "undated"]);

        var all = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await api.As(team.Member).GetAsync(
                $"/api/v1/tasks?assignee_id=me&order_by=created_at&page_size=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
            all.AddRange(page.Json["items"]!.AsArray().Select(t => (string?)t!["title"]));
            cursor = (string?)page.Json["next_cursor"];
        }
        while (cursor is not null);
        all.ShouldBe(["undated", "in five days", "tomorrow", "today"]);
    }

    [TestCase("assignee_id=someone", "assignee_id")]
    [TestCase("status=late", "status")]
    public async Task A_bad_filter_is_refused(string query, string field)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await api.GetAsync($"/api/v1/tasks?{query}");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf(field).ShouldNotBeEmpty();
    }

    [Test]
    public async Task Overdue_counts_days_in_the_organizations_time_zone()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var deal = await api.As(owner).CreateDealAsync();

        // Kiritimati (UTC+14) is a day ahead of UTC from 10:00 UTC, Pago Pago (UTC-11) a day behind until 11:00 UTC:
        // at any moment one of them is on another calendar day than UTC.
        var now = DateTimeOffset.UtcNow;
        var zone = now.Hour >= 12 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        var zoneToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        zoneToday.ShouldNotBe(utcToday);
        var earlier = utcToday < zoneToday ? "UTC" : zone;
        var later = utcToday < zoneToday ? zone : "UTC";
        var due = (utcToday < zoneToday ? utcToday : zoneToday).ToString("yyyy-MM-dd");

        (await api.As(owner).PatchAsync($"/api/v1/organizations/{owner.OrganizationId}", new { time_zone = earlier })).Status.ShouldBe(HttpStatusCode.OK);
        var task = await api.As(owner).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Today where we are", due_date = due });
        task.Status.ShouldBe(HttpStatusCode.Created, task.Text);
        (await api.As(owner).GetAsync("/api/v1/tasks?status=overdue")).Json["items"]!.AsArray().ShouldBeEmpty();

        var changed = await api.As(owner).PatchAsync($"/api/v1/organizations/{owner.OrganizationId}", new { time_zone = later });
        ((string?)changed.Json["time_zone"]).ShouldBe(later);
        (await api.As(owner).GetAsync("/api/v1/tasks?status=overdue")).Json["items"]!.AsArray()
            .Select(t => (string?)t!["id"]).ShouldBe([(string?)task.Json["id"]]);
        (await api.As(owner).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Too late", due_date = due }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "due_date_in_past");
    }

    [Test]
    public async Task The_time_zone_is_an_iana_name_set_by_an_owner_or_admin_and_shown_on_the_organization()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var path = $"/api/v1/organizations/{team.OrganizationId}";

        ((string?)(await api.As(team.Member).GetAsync(path)).Json["time_zone"]).ShouldBe("UTC");
        (await api.As(team.Owner).PatchAsync(path, new { time_zone = "Mars/Olympus" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_time_zone");
        (await api.As(team.Owner).PatchAsync(path, new { time_zone = "Pacific Standard Time" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_time_zone");
        (await api.As(team.Manager).PatchAsync(path, new { time_zone = "Europe/Paris" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await api.As(team.Admin).PatchAsync(path, new { time_zone = "Europe/Paris" })).Status.ShouldBe(HttpStatusCode.OK);
        ((string?)(await api.As(team.Member).GetAsync(path)).Json["time_zone"]).ShouldBe("Europe/Paris");
    }

    [Test]
    public async Task A_leaving_members_tasks_stay_listed_for_nobody()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team.Owner).CreateDealAsync();
        var task = await api.As(team.Owner).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Follow up", assignee_id = team.Member.UserId });
        var id = (string)task.Json["id"]!;

        (await api.As(team.Owner).DeleteAsync($"{team.Members}/{team.Member.UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var after = await api.As(team.Owner).GetAsync($"/api/v1/tasks/{id}");
        after.Json["assignee_id"].ShouldBeNull();
        (await api.As(team.Owner).GetAsync("/api/v1/tasks?assignee_id=none")).Json["items"]!.AsArray()
            .Select(t => (string?)t!["id"]).ShouldBe([id]);
        (await api.As(team.Owner).TimelineAsync(deal)).First().ShouldBe("task_assigned");
    }

    [Test]
    public async Task Concurrent_reassignments_of_one_task_leave_one_winner_and_one_timeline_entry_each()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team.Owner).CreateDealAsync();
        var task = await api.As(team.Owner).CreateTaskAsync(deal);

        var replies = await System.Threading.Tasks.Task.WhenAll(
            api.As(team.Owner).PatchAsync($"/api/v1/tasks/{task}", new { assignee_id = team.Member.UserId }),
            api.As(team.Admin).PatchAsync($"/api/v1/tasks/{task}", new { assignee_id = team.Manager.UserId }));

        var succeeded = replies.Count(r => r.Status == HttpStatusCode.OK);
        succeeded.ShouldBeGreaterThanOrEqualTo(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict);
        (await api.As(team.Owner).TimelineAsync(deal)).Count(t => t == "task_assigned").ShouldBe(succeeded);
    }
}
