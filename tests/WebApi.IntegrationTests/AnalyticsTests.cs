using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class AnalyticsTests : ApiTest
{
    [Test]
    public async Task The_summary_counts_every_status_and_keeps_currencies_apart()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var wonUsd = await api.CreateDealAsync(contact, amount: 1000m, currency: "USD");
        var wonUsd2 = await api.CreateDealAsync(contact, amount: 500.5m, currency: "USD");
        var wonEur = await api.CreateDealAsync(contact, amount: 200m, currency: "EUR");
        var lost = await api.CreateDealAsync(contact, amount: 70m, currency: "EUR");
        await api.CreateDealAsync(contact, amount: 30m, currency: "EUR");
        foreach (var deal in new[] { wonUsd, wonUsd2, wonEur })
        {
            await api.PatchDealAsync(deal, new { status = "won" });
        }

        await api.PatchDealAsync(lost, new { status = "lost" });

        var summary = (await api.GetAsync("/api/v1/analytics/deals/summary")).Json;

        var won = summary["by_status"]!["won"]!;
        ((int?)won["count"]).ShouldBe(3);
        ((decimal?)won["amounts"]!["USD"]).ShouldBe(1500.5m);
        ((decimal?)won["amounts"]!["EUR"]).ShouldBe(200m);
        ((decimal?)won["average_amounts"]!["USD"]).ShouldBe(750.25m);
        ((decimal?)won["average_amounts"]!["EUR"]).ShouldBe(200m);
        ((int?)summary["by_status"]!["lost"]!["count"]).ShouldBe(1);
        ((int?)summary["by_status"]!["new"]!["count"]).ShouldBe(1);
        ((int?)summary["by_status"]!["in_progress"]!["count"]).ShouldBe(0);
        summary["by_status"]!["in_progress"]!["amounts"]!.AsObject().Count.ShouldBe(0);
        ((int?)summary["totals"]!["count"]).ShouldBe(5);
        ((decimal?)summary["totals"]!["amounts"]!["USD"]).ShouldBe(1500.5m);
        ((decimal?)summary["totals"]!["amounts"]!["EUR"]).ShouldBe(300m);
        ((int?)summary["new_deals"]!["days"]).ShouldBe(30);
        ((int?)summary["new_deals"]!["count"]).ShouldBe(5);
    }

    [Test]
    public async Task New_deals_count_only_those_created_within_the_days_asked()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var old = await api.CreateDealAsync();
        await api.CreateDealAsync();
        await using (var command = Testing.Database.DataSource.CreateCommand(
            $"UPDATE deals SET created_at = now() - interval '10 days' WHERE id = '{old}'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var week = (await api.GetAsync("/api/v1/analytics/deals/summary?days=7")).Json;

        ((int?)week["new_deals"]!["days"]).ShouldBe(7);
        ((int?)week["new_deals"]!["count"]).ShouldBe(1);
        ((int?)week["totals"]!["count"]).ShouldBe(2);
    }

    [TestCase(0)]
    [TestCase(366)]
    public async Task Days_must_be_from_1_to_365(int days)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        (await api.GetAsync($"/api/v1/analytics/deals/summary?days={days}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task The_funnel_counts_deals_that_reached_each_stage_and_the_conversion_between_stages()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        await api.CreateDealAsync(contact, stage: "qualification");
        await api.CreateDealAsync(contact, stage: "qualification");
        await api.CreateDealAsync(contact, stage: "proposal");
        await api.CreateDealAsync(contact, stage: "negotiation");
        var closed = await api.CreateDealAsync(contact, amount: 10m, stage: "negotiation");
        await api.PatchDealAsync(closed, new { status = "won" });

        var stages = (await api.GetAsync("/api/v1/analytics/deals/funnel")).Json["stages"]!.AsArray();

        stages.Select(s => (string?)s!["stage"]).ShouldBe(["qualification", "proposal", "negotiation", "closed"]);
        stages.Select(s => (int?)s!["reached"]).ShouldBe([5, 3, 2, 1]);
        stages.Select(s => (int?)s!["count"]).ShouldBe([2, 1, 1, 1]);
        stages.Select(s => (decimal?)s!["conversion_rate"]).ShouldBe([null, 60.0m, 66.67m, 50.0m]);
        ((int?)stages[3]!["by_status"]!["won"]).ShouldBe(1);
        ((int?)stages[0]!["by_status"]!["new"]).ShouldBe(2);
    }

    [Test]
    public async Task An_empty_organization_has_an_empty_funnel_without_conversion()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var stages = (await api.GetAsync("/api/v1/analytics/deals/funnel")).Json["stages"]!.AsArray();

        stages.Select(s => (int?)s!["reached"]).ShouldBe([0, 0, 0, 0]);
        stages.Select(s => (decimal?)s!["conversion_rate"]).ShouldAllBe(rate => rate == null);
    }

    [Test]
    public async Task Analytics_are_never_stale_after_a_deal_changes()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync(amount: 40m);
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/summary")).Json["by_status"]!["won"]!["count"]).ShouldBe(0);
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/funnel")).Json["stages"]![3]!["reached"]).ShouldBe(0);

        await api.PatchDealAsync(deal, new { status = "won" });
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/summary")).Json["by_status"]!["won"]!["count"]).ShouldBe(1);
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/funnel")).Json["stages"]![3]!["reached"]).ShouldBe(1);

        await api.CreateDealAsync(amount: 5m);
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/summary")).Json["totals"]!["count"]).ShouldBe(2);

        await api.DeleteAsync($"/api/v1/deals/{deal}");
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/summary")).Json["totals"]!["count"]).ShouldBe(1);
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/funnel")).Json["stages"]![0]!["reached"]).ShouldBe(1);
    }

    [Test]
    public async Task A_cached_answer_is_served_until_a_deal_of_the_organization_changes()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await api.CreateDealAsync();
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/summary")).Json["totals"]!["count"]).ShouldBe(1);

        // A change behind the service's back is not seen while the cached answer lives...
        await using (var command = Testing.Database.DataSource.CreateCommand("DELETE FROM deals"))
        {
            await command.ExecuteNonQueryAsync();
        }

        ((int?)(await api.GetAsync("/api/v1/analytics/deals/summary")).Json["totals"]!["count"]).ShouldBe(1);

        // ...while any change through the service drops it at once.
        await api.CreateDealAsync();
        ((int?)(await api.GetAsync("/api/v1/analytics/deals/summary")).Json["totals"]!["count"]).ShouldBe(1);
    }
}
