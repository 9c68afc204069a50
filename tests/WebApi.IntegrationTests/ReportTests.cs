using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ReportTests : ApiTest
{
    private static readonly DateOnly ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);

    [Test]
    public async Task The_trend_buckets_deals_by_the_organizations_calendar_and_ignores_other_organizations()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var mine = api.As(owner);
        (await mine.PatchAsync($"/api/v1/organizations/{owner.OrganizationId}", new { time_zone = "Europe/Berlin" })).Status.ShouldBe(HttpStatusCode.OK);
        var contact = await mine.CreateContactAsync();
        var lateEvening = await mine.CreateDealAsync(contact, amount: 100m, currency: "EUR");
        var morning = await mine.CreateDealAsync(contact, amount: 40m, currency: "USD");
        var won = await mine.CreateDealAsync(contact, amount: 250m, currency: "EUR");
        var lost = await mine.CreateDealAsync(contact, amount: 10m, currency: "EUR");
        (await mine.PatchDealAsync(won, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        (await mine.PatchDealAsync(lost, new { status = "lost" })).Status.ShouldBe(HttpStatusCode.OK);
        // 23:30 UTC on the 10th is 00:30 on the 11th in Berlin.
        await SqlAsync($"UPDATE deals SET created_at = '2026-03-10T23:30:00Z' WHERE id = '{lateEvening}'");
        await SqlAsync($"UPDATE deals SET created_at = '2026-03-10T08:00:00Z' WHERE id IN ('{morning}', '{won}', '{lost}')");
        await SqlAsync($"UPDATE activities SET created_at = '2026-03-11T22:59:00Z' WHERE deal_id = '{won}' AND type = 'status_changed'");
        await SqlAsync($"UPDATE activities SET created_at = '2026-03-12T23:00:00Z' WHERE deal_id = '{lost}' AND type = 'status_changed'");
        await SqlAsync($"UPDATE deals SET closed_at = '2026-03-11T22:59:00Z' WHERE id = '{won}'");
        await SqlAsync($"UPDATE deals SET closed_at = '2026-03-12T23:00:00Z' WHERE id = '{lost}'");

        var other = api.As(await api.RegisterAsync());
        var theirs = await other.CreateDealAsync(amount: 999m, currency: "EUR");
        await SqlAsync($"UPDATE deals SET created_at = '2026-03-11T08:00:00Z' WHERE id = '{theirs}'");

        var reply = await mine.GetAsync("/api/v1/analytics/deals/trend?interval=day&from=2026-03-10&to=2026-03-13");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        ((string?)reply.Json["time_zone"]).ShouldBe("Europe/Berlin");
        var buckets = reply.Json["buckets"]!.AsArray();
        buckets.Select(b => (string?)b!["start"]).ShouldBe(["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]);
        ((int?)buckets[0]!["created"]!["count"]).ShouldBe(3);
        ((decimal?)buckets[0]!["created"]!["amounts"]!["EUR"]).ShouldBe(260m);
        ((decimal?)buckets[0]!["created"]!["amounts"]!["USD"]).ShouldBe(40m);
        ((int?)buckets[1]!["created"]!["count"]).ShouldBe(1);
        ((decimal?)buckets[1]!["created"]!["amounts"]!["EUR"]).ShouldBe(100m);
        ((int?)buckets[1]!["won"]!["count"]).ShouldBe(1);
        ((decimal?)buckets[1]!["won"]!["amounts"]!["EUR"]).ShouldBe(250m);
        ((int?)buckets[2]!["lost"]!["count"]).ShouldBe(0);
        ((int?)buckets[3]!["lost"]!["count"]).ShouldBe(1);
        ((decimal?)buckets[3]!["lost"]!["amounts"]!["EUR"]).ShouldBe(10m);
        ((int?)buckets[3]!["created"]!["count"]).ShouldBe(0);

        var weeks = (await mine.GetAsync("/api/v1/analytics/deals/trend?interval=week&from=2026-03-01&to=2026-03-16")).Json;
        weeks["buckets"]!.AsArray().Select(b => (string?)b!["start"]).ShouldBe(["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"]);
        ((int?)weeks["buckets"]![2]!["created"]!["count"]).ShouldBe(4);
        var months = (await mine.GetAsync("/api/v1/analytics/deals/trend?interval=month&from=2026-02-15&to=2026-03-31")).Json;
        months["buckets"]!.AsArray().Select(b => (string?)b!["start"]).ShouldBe(["2026-02-01", "2026-03-01"]);
        ((int?)months["buckets"]![1]!["won"]!["count"]).ShouldBe(1);
    }

    [Test]
    public async Task A_reopened_deal_no_longer_counts_as_won()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var mine = api.As(owner);
        var deal = await mine.CreateDealAsync(amount: 50m, currency: "EUR");
        (await mine.PatchDealAsync(deal, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        (await mine.PatchDealAsync(deal, new { status = "in_progress" })).Status.ShouldBe(HttpStatusCode.OK);

        var velocity = (await mine.GetAsync("/api/v1/analytics/deals/velocity")).Json;

        ((int?)velocity["won"]!["count"]).ShouldBe(0);
        velocity["win_rate"].ShouldBeNull();
    }

    [TestCase("interval=day&from=2026-03-02&to=2026-03-01")]
    [TestCase("interval=day&from=2025-01-01&to=2026-01-02")]
    [TestCase("interval=week&from=2020-01-01&to=2025-01-01")]
    [TestCase("interval=month&from=2000-01-01&to=2010-01-01")]
    [TestCase("interval=year")]
    [TestCase("from=2999-01-01")]
    [TestCase("from=yesterday")]
    public async Task The_trend_refuses_an_unbounded_or_malformed_range(string query)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await api.GetAsync("/api/v1/analytics/deals/trend?" + query);

        reply.Status.ShouldBe(HttpStatusCode.BadRequest, reply.Text);
        ((string?)reply.Json["code"]).ShouldBe("validation_failed");
    }

    [Test]
    public async Task The_trend_takes_366_days_and_defaults_to_30()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        (await api.GetAsync("/api/v1/analytics/deals/trend?interval=day&from=2025-01-01&to=2026-01-01")).Json["buckets"]!.AsArray().Count.ShouldBe(366);
        var standard = (await api.GetAsync("/api/v1/analytics/deals/trend")).Json;
        standard["buckets"]!.AsArray().Count.ShouldBe(30);
        ((string?)standard["interval"]).ShouldBe("day");
        ((int?)standard["buckets"]![29]!["created"]!["count"]).ShouldBe(0);
    }

    [Test]
    public async Task The_forecast_groups_open_deals_by_expected_close_month_weighted_by_stage_probability()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var mine = api.As(owner);
        var contact = await mine.CreateContactAsync();
        await CreateAsync(mine, contact, 1000m, "EUR", "proposal", ThisMonth.AddDays(3));
        await CreateAsync(mine, contact, 500m, "USD", "negotiation", ThisMonth.AddMonths(1));
        await CreateAsync(mine, contact, 200m, "EUR", "qualification", ThisMonth.AddMonths(1).AddDays(27));
        await CreateAsync(mine, contact, 70m, "EUR", "qualification", ThisMonth.AddDays(-1));
        await CreateAsync(mine, contact, 30m, "EUR", "proposal", null);
        await CreateAsync(mine, contact, 9000m, "EUR", "proposal", ThisMonth.AddMonths(6));
        var won = await CreateAsync(mine, contact, 5000m, "EUR", "proposal", ThisMonth);
        (await mine.PatchDealAsync(won, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        var other = api.As(await api.RegisterAsync());
        await CreateAsync(other, await other.CreateContactAsync(), 777m, "EUR", "proposal", ThisMonth);

        var forecast = (await mine.GetAsync("/api/v1/analytics/deals/forecast?months=3")).Json;

        ((string?)forecast["from"]).ShouldBe(ThisMonth.ToString("yyyy-MM-dd"));
        var months = forecast["buckets"]!.AsArray();
        months.Count.ShouldBe(3);
        ((int?)months[0]!["count"]).ShouldBe(1);
        ((decimal?)months[0]!["amounts"]!["EUR"]).ShouldBe(1000m);
        ((decimal?)months[0]!["weighted_amounts"]!["EUR"]).ShouldBe(300m);
        ((string?)months[1]!["month"]).ShouldBe(ThisMonth.AddMonths(1).ToString("yyyy-MM-dd"));
        ((int?)months[1]!["count"]).ShouldBe(2);
        ((decimal?)months[1]!["weighted_amounts"]!["USD"]).ShouldBe(300m);
        ((decimal?)months[1]!["weighted_amounts"]!["EUR"]).ShouldBe(20m);
        ((int?)months[2]!["count"]).ShouldBe(0);
        ((int?)forecast["overdue"]!["count"]).ShouldBe(1);
        ((decimal?)forecast["overdue"]!["weighted_amounts"]!["EUR"]).ShouldBe(7m);
        ((int?)forecast["undated"]!["count"]).ShouldBe(1);
        ((decimal?)forecast["undated"]!["amounts"]!["EUR"]).ShouldBe(30m);
        ((int?)forecast["stage_probabilities"]!["negotiation"]).ShouldBe(60);

        // The organization's probabilities weight it, and changing them drops the cached answer.
        var changed = await mine.PatchAsync($"/api/v1/organizations/{owner.OrganizationId}", new { stage_probabilities = new { proposal = 50 } });
        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        ((int?)changed.Json["stage_probabilities"]!["proposal"]).ShouldBe(50);
        ((int?)changed.Json["stage_probabilities"]!["qualification"]).ShouldBe(10);
        var reweighted = (await mine.GetAsync("/api/v1/analytics/deals/forecast?months=3")).Json;
        ((decimal?)reweighted["buckets"]![0]!["weighted_amounts"]!["EUR"]).ShouldBe(500m);
    }

    [TestCase(0)]
    [TestCase(37)]
    public async Task The_forecast_takes_1_to_36_months(int months)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        (await api.GetAsync($"/api/v1/analytics/deals/forecast?months={months}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [TestCase("/api/v1/analytics/deals/velocity?days=0")]
    [TestCase("/api/v1/analytics/deals/velocity?days=3651")]
    [TestCase("/api/v1/analytics/owners?days=0")]
    [TestCase("/api/v1/analytics/owners?days=3651")]
    [TestCase("/api/v1/analytics/owners?days=many")]
    public async Task Windows_take_1_to_3650_days(string path)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await api.GetAsync(path);

        reply.Status.ShouldBe(HttpStatusCode.BadRequest, reply.Text);
    }

    [Test]
    public async Task Stage_probabilities_take_open_stages_and_whole_percents_from_0_to_100()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var path = $"/api/v1/organizations/{owner.OrganizationId}";
        var read = await api.As(owner).GetAsync(path);
        ((int?)read.Json["stage_probabilities"]!["qualification"]).ShouldBe(10);
        ((int?)read.Json["stage_probabilities"]!["proposal"]).ShouldBe(30);
        ((int?)read.Json["stage_probabilities"]!["negotiation"]).ShouldBe(60);

        (await api.As(owner).PatchAsync(path, new { stage_probabilities = new { closed = 100 } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_stage_probability");
        (await api.As(owner).PatchAsync(path, new { stage_probabilities = new { won = 100 } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_stage_probability");
        (await api.As(owner).PatchAsync(path, new { stage_probabilities = new { proposal = 101 } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_stage_probability");
        (await api.As(owner).PatchAsync(path, new { stage_probabilities = new { proposal = -1 } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_stage_probability");
        (await api.As(owner).SendRawAsync(HttpMethod.Patch, path, """{"stage_probabilities": {"proposal": 12.5}}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
        ((int?)(await api.As(owner).GetAsync(path)).Json["stage_probabilities"]!["proposal"]).ShouldBe(30);

        var zero = await api.As(owner).PatchAsync(path, new { stage_probabilities = new { qualification = 0, negotiation = 100 } });
        zero.Status.ShouldBe(HttpStatusCode.OK, zero.Text);
        ((int?)zero.Json["stage_probabilities"]!["qualification"]).ShouldBe(0);
        ((int?)zero.Json["stage_probabilities"]!["negotiation"]).ShouldBe(100);
        var audit = await api.As(owner).GetAsync("/api/v1/audit-logs?action=update_organization");
        audit.Status.ShouldBe(HttpStatusCode.OK, audit.Text);
        audit.Text.ShouldContain("stage_probability_negotiation");
        audit.Text.ShouldContain("stage_probability_qualification");
    }

    [TestCase("owner", HttpStatusCode.OK)]
    [TestCase("admin", HttpStatusCode.OK)]
    [TestCase("manager", HttpStatusCode.Forbidden)]
    [TestCase("member", HttpStatusCode.Forbidden)]
    public async Task Only_owners_and_admins_change_stage_probabilities(string role, HttpStatusCode expected)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        var reply = await api.As(team[role]).PatchAsync($"/api/v1/organizations/{team.OrganizationId}", new { stage_probabilities = new { proposal = 40 } });

        reply.Status.ShouldBe(expected, reply.Text);
        if (expected == HttpStatusCode.Forbidden)
        {
            ((string?)reply.Json["code"]).ShouldBe("insufficient_role");
        }
    }

    [Test]
    public async Task Velocity_counts_win_rate_days_to_win_and_days_in_each_stage_from_the_timeline()
    {
        var api = NewApi();
        var mine = api.As(await api.RegisterAsync());
        var contact = await mine.CreateContactAsync();
        var won = await mine.CreateDealAsync(contact, amount: 300m, currency: "EUR");
        (await mine.PatchDealAsync(won, new { stage = "proposal" })).Status.ShouldBe(HttpStatusCode.OK);
        (await mine.PatchDealAsync(won, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        var lost = await mine.CreateDealAsync(contact, amount: 100m, currency: "USD");
        (await mine.PatchDealAsync(lost, new { status = "lost" })).Status.ShouldBe(HttpStatusCode.OK);
        var lostLongAgo = await mine.CreateDealAsync(contact, amount: 100m, currency: "USD");
        (await mine.PatchDealAsync(lostLongAgo, new { status = "lost" })).Status.ShouldBe(HttpStatusCode.OK);
        // Created 10 days ago, in proposal from 6 days ago, won 2 days ago: 4 days in each stage, 8 to win. The lost
        // deal left qualification (for closed) right after its creation: 0 days.
        await SqlAsync($"UPDATE deals SET created_at = now() - interval '10 days' WHERE id = '{won}'");
        await SqlAsync($"UPDATE activities SET created_at = now() - interval '6 days', payload = payload || jsonb_build_object('from_entered_at', now() - interval '10 days') WHERE deal_id = '{won}' AND type = 'stage_changed' AND payload ->> 'to' = 'proposal'");
        await SqlAsync($"UPDATE activities SET created_at = now() - interval '2 days' WHERE deal_id = '{won}' AND type IN ('stage_changed', 'status_changed') AND payload ->> 'to' IN ('closed', 'won')");
        await SqlAsync($"UPDATE activities SET payload = payload || jsonb_build_object('from_entered_at', now() - interval '6 days') WHERE deal_id = '{won}' AND type = 'stage_changed' AND payload ->> 'to' = 'closed'");
        await SqlAsync($"UPDATE deals SET closed_at = now() - interval '2 days' WHERE id = '{won}'");
        await SqlAsync($"UPDATE deals SET created_at = now() - interval '100 days', closed_at = now() - interval '95 days' WHERE id = '{lostLongAgo}'");
        await SqlAsync($"UPDATE activities SET created_at = now() - interval '95 days' WHERE deal_id = '{lostLongAgo}'");
        var other = api.As(await api.RegisterAsync());
        var theirs = await other.CreateDealAsync(amount: 5m, currency: "EUR");
        (await other.PatchDealAsync(theirs, new { status = "lost" })).Status.ShouldBe(HttpStatusCode.OK);

        var velocity = (await mine.GetAsync("/api/v1/analytics/deals/velocity?days=30")).Json;

        ((int?)velocity["days"]).ShouldBe(30);
        ((int?)velocity["won"]!["count"]).ShouldBe(1);
        ((decimal?)velocity["won"]!["amounts"]!["EUR"]).ShouldBe(300m);
        ((int?)velocity["lost"]!["count"]).ShouldBe(1);
        ((decimal?)velocity["lost"]!["amounts"]!["USD"]).ShouldBe(100m);
        ((decimal?)velocity["win_rate"]).ShouldBe(50m);
        ((decimal?)velocity["average_days_to_win"]).ShouldBe(8m);
        ((decimal?)velocity["average_won_amounts"]!["EUR"]).ShouldBe(300m);
        var stages = velocity["stages"]!.AsArray();
        stages.Select(s => (string?)s!["stage"]).ShouldBe(["qualification", "proposal", "negotiation"]);
        ((int?)stages[0]!["exits"]).ShouldBe(2);
        ((decimal?)stages[0]!["average_days"]).ShouldBe(2m);
        ((int?)stages[1]!["exits"]).ShouldBe(1);
        ((decimal?)stages[1]!["average_days"]).ShouldBe(4m);
        ((int?)stages[2]!["exits"]).ShouldBe(0);
        stages[2]!["average_days"].ShouldBeNull();

        var longer = (await mine.GetAsync("/api/v1/analytics/deals/velocity?days=365")).Json;
        ((int?)longer["lost"]!["count"]).ShouldBe(2);
        ((decimal?)longer["win_rate"]).ShouldBe(33.33m);
    }

    [Test]
    public async Task Velocity_with_no_closed_deals_has_no_rate_and_no_averages()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await api.CreateDealAsync();

        var velocity = (await api.GetAsync("/api/v1/analytics/deals/velocity")).Json;

        ((int?)velocity["days"]).ShouldBe(90);
        velocity["win_rate"].ShouldBeNull();
        velocity["average_days_to_win"].ShouldBeNull();
        ((int?)velocity["won"]!["count"]).ShouldBe(0);
    }

    [Test]
    public async Task The_owners_report_counts_each_owners_deals_activities_and_overdue_tasks()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var member = api.As(team.Member);
        var contact = await member.CreateContactAsync();
        var open = await member.CreateDealAsync(contact, amount: 120m, currency: "EUR");
        await member.CreateDealAsync(contact, amount: 80m, currency: "USD");
        var won = await member.CreateDealAsync(contact, amount: 1000m, currency: "EUR");
        var lost = await member.CreateDealAsync(contact, amount: 10m, currency: "EUR");
        (await member.PatchDealAsync(won, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        (await member.PatchDealAsync(lost, new { status = "lost" })).Status.ShouldBe(HttpStatusCode.OK);
        (await member.PostAsync($"/api/v1/deals/{open}/activities", new { type = "comment", payload = new { text = "Called them" } })).Status.ShouldBe(HttpStatusCode.Created);
        (await member.PostAsync($"/api/v1/deals/{open}/activities", new { type = "comment", payload = new { text = "Sent the offer" } })).Status.ShouldBe(HttpStatusCode.Created);
        var overdue = await member.CreateTaskAsync(open, dueDate: Records.Today);
        var done = await member.CreateTaskAsync(open, dueDate: Records.Today);
        await member.CreateTaskAsync(open, dueDate: Records.Today);
        (await member.PatchAsync($"/api/v1/tasks/{done}", new { is_done = true })).Status.ShouldBe(HttpStatusCode.OK);
        await SqlAsync($"UPDATE tasks SET due_date = current_date - 2 WHERE id IN ('{overdue}', '{done}')");
        var old = await member.CreateDealAsync(contact, amount: 5m, currency: "EUR");
        (await member.PatchDealAsync(old, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        await SqlAsync($"UPDATE activities SET created_at = now() - interval '200 days' WHERE deal_id = '{old}'");
        await SqlAsync($"UPDATE deals SET closed_at = now() - interval '200 days' WHERE id = '{old}'");
        var other = api.As(await api.RegisterAsync());
        var theirs = await other.CreateDealAsync(amount: 5m, currency: "EUR");
        (await other.PatchDealAsync(theirs, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);

        var reply = await api.As(team.Member).GetAsync("/api/v1/analytics/owners?days=30");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var owners = reply.Json["owners"]!.AsArray();
        owners.Count.ShouldBe(4);
        var row = owners.Single(o => (Guid?)o!["user_id"] == team.Member.UserId)!;
        ((int?)row["open"]!["count"]).ShouldBe(2);
        ((decimal?)row["open"]!["amounts"]!["EUR"]).ShouldBe(120m);
        ((decimal?)row["open"]!["amounts"]!["USD"]).ShouldBe(80m);
        ((int?)row["won"]!["count"]).ShouldBe(1);
        ((decimal?)row["won"]!["amounts"]!["EUR"]).ShouldBe(1000m);
        ((int?)row["lost"]!["count"]).ShouldBe(1);
        ((decimal?)row["win_rate"]).ShouldBe(50m);
        ((int?)row["activities_logged"]).ShouldBe(2);
        ((int?)row["tasks_overdue"]).ShouldBe(1);
        var owner = owners.Single(o => (Guid?)o!["user_id"] == team.Owner.UserId)!;
        ((int?)owner["open"]!["count"]).ShouldBe(0);
        owner["win_rate"].ShouldBeNull();
        ((int?)owner["activities_logged"]).ShouldBe(0);
    }

    [Test]
    public async Task Reports_answer_any_member_and_never_another_organization()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var outsider = await api.RegisterAsync();

        foreach (var path in new[] { "deals/trend", "deals/forecast", "deals/velocity", "owners" })
        {
            (await api.As(team.Member).GetAsync($"/api/v1/analytics/{path}")).Status.ShouldBe(HttpStatusCode.OK);
            (await api.As(outsider with { OrganizationId = team.OrganizationId }).GetAsync($"/api/v1/analytics/{path}"))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        }
    }

    [Test]
    public async Task A_deal_keeps_its_expected_close_date_lists_by_it_and_shows_its_change_on_the_timeline()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var created = await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Dated", expected_close_date = "2027-01-15" });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        ((string?)created.Json["expected_close_date"]).ShouldBe("2027-01-15");
        var id = Guid.Parse((string)created.Json["id"]!);
        var undated = await api.CreateDealAsync(contact);
        (await api.GetAsync($"/api/v1/deals/{undated}")).Json["expected_close_date"].ShouldBeNull();

        var changed = await api.PatchDealAsync(id, new { expected_close_date = "2027-02-01" });
        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        ((string?)changed.Json["expected_close_date"]).ShouldBe("2027-02-01");
        var timeline = (await api.GetAsync($"/api/v1/deals/{id}/activities?page_size=10")).Json["items"]!.AsArray();
        var update = timeline.First(a => (string?)a!["type"] == "deal_updated")!;
        update.ToJsonString().ShouldContain("\"field\":\"expected_close_date\"");
        update.ToJsonString().ShouldContain("\"from\":\"2027-01-15\"");
        update.ToJsonString().ShouldContain("\"to\":\"2027-02-01\"");

        var before = (await api.GetAsync("/api/v1/deals?expected_close_before=2027-03-01")).Json["items"]!.AsArray();
        before.Select(d => (Guid?)d!["id"]).ShouldBe([id]);
        (await api.GetAsync("/api/v1/deals?expected_close_after=2027-02-01")).Json["items"]!.AsArray().Count.ShouldBe(0);

        var cleared = await api.PatchDealAsync(id, new { expected_close_date = (string?)null });
        cleared.Json["expected_close_date"].ShouldBeNull();
        (await api.PatchDealAsync(id, new { expected_close_date = "15/01/2027" })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_deal_shows_when_it_entered_its_stage_and_when_it_closed()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var id = await api.CreateDealAsync(await api.CreateContactAsync());
        var created = (await api.GetAsync($"/api/v1/deals/{id}")).Json;
        ((DateTime)created["stage_changed_at"]!).ShouldBe((DateTime)created["created_at"]!);
        created["closed_at"].ShouldBeNull();

        var moved = (await api.PatchDealAsync(id, new { stage = "proposal" })).Json;
        var renamed = (await api.PatchDealAsync(id, new { title = "Renamed" })).Json;
        var won = (await api.PatchDealAsync(id, new { status = "won", amount = 100 })).Json;
        var reopened = (await api.PatchDealAsync(id, new { status = "in_progress" })).Json;

        ((DateTime)moved["stage_changed_at"]!).ShouldBeGreaterThan((DateTime)created["stage_changed_at"]!);
        ((DateTime)renamed["stage_changed_at"]!).ShouldBe((DateTime)moved["stage_changed_at"]!);
        renamed["closed_at"].ShouldBeNull();
        ((DateTime)won["closed_at"]!).ShouldBe((DateTime)won["updated_at"]!);
        ((DateTime)won["stage_changed_at"]!).ShouldBe((DateTime)won["updated_at"]!);
        reopened["closed_at"].ShouldBeNull();
        ((string?)reopened["stage"]).ShouldBe("negotiation");
    }

    private static async Task<Guid> CreateAsync(Api api, Guid contact, decimal amount, string currency, string stage, DateOnly? expected)
    {
        var reply = await api.PostAsync("/api/v1/deals", new
        {
            contact_id = contact,
            title = "Forecast",
            amount,
            currency,
            stage,
            expected_close_date = expected?.ToString("yyyy-MM-dd"),
        });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse((string)reply.Json["id"]!);
    }

    private static async Task SqlAsync(string sql)
    {
        await using var command = Testing.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
