using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ScenarioTests : ApiTest
{
    [Test]
    public async Task From_registration_to_a_won_deal_in_the_analytics()
    {
        var api = NewApi();

        // Register, then open a second organization for the sales team.
        var founder = await api.RegisterAsync("founder@example.com", organization: "Founder Holdings");
        var created = await api.As(founder).PostAsync("/api/v1/organizations", new { name = "Sales Team", default_currency = "EUR" });
        created.Status.ShouldBe(HttpStatusCode.Created);
        var organization = Guid.Parse((string)created.Json["id"]!);
        var owner = api.As(founder, organization);

        // Invite a member, who accepts, signs in and works in the organization.
        var seller = await api.RegisterAsync("seller@example.com", organization: "Seller's own");
        await api.VerifyEmailAsync(seller);
        var invitation = await Team.InviteAsync(api, founder, seller.Email, "member", organization);
        (await api.As(seller).PostAsync($"/api/v1/invitations/{invitation}/accept")).Status.ShouldBe(HttpStatusCode.Created);
        var signedIn = await api.LoginAsync(seller.Email);
        var member = api.As(signedIn, organization);

        // Contact, deal, task.
        var contact = await member.CreateContactAsync("Grace Hopper", "grace@example.com");
        var deal = await member.CreateDealAsync(contact, "Compiler licences");
        var task = await member.CreateTaskAsync(deal, "Send the offer", Records.DaysFromToday(2));

        // Move the deal forward, complete the task, win the deal.
        (await member.PatchDealAsync(deal, new { status = "in_progress", stage = "proposal" })).Status.ShouldBe(HttpStatusCode.OK);
        (await member.PatchAsync($"/api/v1/tasks/{task}", new { is_done = true })).Status.ShouldBe(HttpStatusCode.OK);
        (await member.PatchDealAsync(deal, new { stage = "negotiation" })).Status.ShouldBe(HttpStatusCode.OK);
        var won = await member.PatchDealAsync(deal, new { status = "won", amount = 12500 });
        won.Status.ShouldBe(HttpStatusCode.OK, won.Text);
        ((string?)won.Json["currency"]).ShouldBe("EUR");
        ((string?)won.Json["stage"]).ShouldBe("closed");

        // The timeline shows every change, newest first, by the member.
        var timeline = (await owner.GetAsync($"/api/v1/deals/{deal}/activities")).Json["items"]!.AsArray();
        timeline.Select(a => (string?)a!["type"]).ShouldBe(
        [
            "deal_updated", "stage_changed", "status_changed", "stage_changed", "task_completed", "stage_changed",
            "status_changed", "task_created", "system",
        ]);
        timeline.Select(a => (string?)a!["author_id"]).Distinct().ShouldBe([signedIn.UserId.ToString()]);

        // The analytics reflect it.
        var summary = (await owner.GetAsync("/api/v1/analytics/deals/summary")).Json;
        ((int?)summary["by_status"]!["won"]!["count"]).ShouldBe(1);
        ((decimal?)summary["by_status"]!["won"]!["amounts"]!["EUR"]).ShouldBe(12500m);
        var funnel = (await owner.GetAsync("/api/v1/analytics/deals/funnel")).Json["stages"]!.AsArray();
        funnel.Select(s => (int?)s!["reached"]).ShouldBe([1, 1, 1, 1]);
        funnel.Select(s => (decimal?)s!["conversion_rate"]).ShouldBe([null, 100m, 100m, 100m]);
    }
}
