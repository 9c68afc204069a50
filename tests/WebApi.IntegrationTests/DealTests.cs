using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class DealTests : ApiTest
{
    [Test]
    public async Task A_new_deal_is_new_in_qualification_with_amount_zero_in_the_organizations_currency()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        await api.As(owner).PatchAsync($"/api/v1/organizations/{owner.OrganizationId}", new { default_currency = "EUR" });
        var contact = await api.As(owner).CreateContactAsync();

        var reply = await api.As(owner).PostAsync("/api/v1/deals", new { contact_id = contact, title = "Pilot" });

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        reply.Headers.Location!.ToString().ShouldBe($"/api/v1/deals/{(string)reply.Json["id"]!}");
        ((string?)reply.Json["status"]).ShouldBe("new");
        ((string?)reply.Json["stage"]).ShouldBe("qualification");
        ((decimal?)reply.Json["amount"]).ShouldBe(0m);
        ((string?)reply.Json["currency"]).ShouldBe("EUR");
        ((string?)reply.Json["owner_id"]).ShouldBe(owner.UserId.ToString());
        ((string?)reply.Json["contact_id"]).ShouldBe(contact.ToString());
    }

    [Test]
    public async Task A_deal_may_start_at_a_later_stage_but_never_closed()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();

        var atProposal = await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Late", stage = "proposal", amount = 10.5, currency = "GBP" });
        ((string?)atProposal.Json["stage"]).ShouldBe("proposal");
        ((decimal?)atProposal.Json["amount"]).ShouldBe(10.5m);
        ((string?)atProposal.Json["currency"]).ShouldBe("GBP");
        (await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Done", stage = "closed" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "deal_outcome_required");
    }

    [Test]
    public async Task Invalid_deal_fields_answer_400()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();

        var reply = await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "", amount = -1, currency = "usd" });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("title").ShouldNotBeEmpty();
        reply.ErrorsOf("amount").ShouldNotBeEmpty();
        reply.ErrorsOf("currency").ShouldNotBeEmpty();
        (await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Cents", amount = 1.001 }))
            .ErrorsOf("amount").ShouldNotBeEmpty();
        (await api.PostAsync("/api/v1/deals", new { contact_id = contact, title = "Odd", stage = "won" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        (await api.PostAsync("/api/v1/deals", new { contact_id = Guid.NewGuid(), title = "Nobody" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "contact_not_found");
    }

    [Test]
    public async Task A_deal_moves_forward_and_is_won_with_its_timeline_written_as_it_goes()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync(amount: 100m);

        (await api.PatchDealAsync(deal, new { status = "in_progress" })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PatchDealAsync(deal, new { stage = "negotiation", title = "Renewal" })).Status.ShouldBe(HttpStatusCode.OK);
        var won = await api.PatchDealAsync(deal, new { status = "won" });

        won.Status.ShouldBe(HttpStatusCode.OK, won.Text);
        ((string?)won.Json["status"]).ShouldBe("won");
        ((string?)won.Json["stage"]).ShouldBe("closed");
        var timeline = await api.GetAsync($"/api/v1/deals/{deal}/activities");
        var items = timeline.Json["items"]!.AsArray();
        items.Select(a => (string?)a!["type"]).ShouldBe(
            ["stage_changed", "status_changed", "deal_updated", "stage_changed", "status_changed", "system"], ignoreOrder: false);
        var statusWon = items.First(a => (string?)a!["type"] == "status_changed")!;
        ((string?)statusWon["payload"]!["from"]).ShouldBe("in_progress");
        ((string?)statusWon["payload"]!["to"]).ShouldBe("won");
        var updated = items.First(a => (string?)a!["type"] == "deal_updated")!;
        ((string?)updated["payload"]!["changes"]![0]!["field"]).ShouldBe("title");
        ((string?)updated["payload"]!["changes"]![0]!["from"]).ShouldBe("Deal");
        ((string?)updated["payload"]!["changes"]![0]!["to"]).ShouldBe("Renewal");
        ((string?)items[0]!["author_id"]).ShouldNotBeNull();
    }

    [Test]
    public async Task Winning_needs_a_positive_amount_which_the_same_request_may_set()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();

        (await api.PatchDealAsync(deal, new { status = "won" })).ShouldBeProblem(HttpStatusCode.BadRequest, "deal_amount_required");
        ((string?)(await api.GetAsync($"/api/v1/deals/{deal}")).Json["status"]).ShouldBe("new");
        var won = await api.PatchDealAsync(deal, new { status = "won", amount = 5000 });
        ((string?)won.Json["status"]).ShouldBe("won");
        ((decimal?)won.Json["amount"]).ShouldBe(5000m);
    }

    [TestCase("won", "new")]
    [TestCase("lost", "won")]
    [TestCase("in_progress", "new")]
    public async Task Moves_outside_the_status_table_answer_400(string first, string then)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync(amount: 10m);
        await api.PatchDealAsync(deal, new { status = first });

        (await api.PatchDealAsync(deal, new { status = then })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_status_transition");
    }

    [TestCase("owner", true)]
    [TestCase("admin", true)]
    [TestCase("manager", false)]
    public async Task Only_owner_and_admin_reopen_a_closed_deal_which_returns_to_negotiation(string role, bool allowed)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team.Owner).CreateDealAsync(amount: 10m);
        await api.As(team.Owner).PatchDealAsync(deal, new { status = "lost" });

        var reply = await api.As(team[role]).PatchDealAsync(deal, new { status = "in_progress" });

        if (allowed)
        {
            reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
            ((string?)reply.Json["stage"]).ShouldBe("negotiation");
        }
        else
        {
            reply.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_status_transition");
        }
    }

    [Test]
    public async Task The_closed_stage_is_set_by_an_outcome_never_directly()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync(amount: 10m);

        (await api.PatchDealAsync(deal, new { stage = "closed" })).ShouldBeProblem(HttpStatusCode.BadRequest, "deal_outcome_required");
        await api.PatchDealAsync(deal, new { status = "won" });
        (await api.PatchDealAsync(deal, new { stage = "proposal" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_stage_transition");
    }

    [TestCase("owner", true)]
    [TestCase("admin", true)]
    [TestCase("manager", false)]
    [TestCase("member", false)]
    public async Task Moving_a_stage_back_is_for_owner_and_admin_only(string role, bool allowed)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team[role]).CreateDealAsync(stage: "negotiation");

        var reply = await api.As(team[role]).PatchDealAsync(deal, new { stage = "qualification" });

        if (allowed)
        {
            ((string?)reply.Json["stage"]).ShouldBe("qualification");
        }
        else
        {
            reply.ShouldBeProblem(HttpStatusCode.Forbidden, "stage_rollback_forbidden");
        }
    }

    [Test]
    public async Task A_refused_change_is_refused_whole()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync(title: "Original");

        (await api.PatchDealAsync(deal, new { title = "Changed", stage = "proposal", status = "won" }))
            .Status.ShouldBe(HttpStatusCode.BadRequest);

        var read = await api.GetAsync($"/api/v1/deals/{deal}");
        ((string?)read.Json["title"]).ShouldBe("Original");
        ((string?)read.Json["stage"]).ShouldBe("qualification");
        (await api.TimelineAsync(deal)).ShouldBe(["system"]);
    }

    [Test]
    public async Task A_member_changes_only_its_own_deals_and_managers_change_and_reassign_any()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var managers = await api.As(team.Manager).CreateDealAsync();
        var members = await api.As(team.Member).CreateDealAsync();

        (await api.As(team.Member).PatchDealAsync(managers, new { title = "Mine" })).ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).DeleteAsync($"/api/v1/deals/{managers}")).ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).PatchDealAsync(members, new { owner_id = team.Manager.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_assignment_forbidden");
        var reassigned = await api.As(team.Manager).PatchDealAsync(members, new { owner_id = team.Admin.UserId });
        ((string?)reassigned.Json["owner_id"]).ShouldBe(team.Admin.UserId.ToString());
        (await api.As(team.Manager).PatchDealAsync(members, new { owner_id = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "user_not_member");
    }

    [Test]
    public async Task Deleting_a_deal_takes_its_tasks_and_timeline_with_it()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var deal = await api.CreateDealAsync(contact);
        var task = await api.CreateTaskAsync(deal);

        (await api.DeleteAsync($"/api/v1/deals/{deal}")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetAsync($"/api/v1/deals/{deal}")).ShouldBeProblem(HttpStatusCode.NotFound, "deal_not_found");
        (await api.GetAsync($"/api/v1/tasks/{task}")).ShouldBeProblem(HttpStatusCode.NotFound, "task_not_found");
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM activities WHERE deal_id IS NOT NULL")).ShouldBe(0);
        (await api.TimelineTypesAsync($"/api/v1/contacts/{contact}/activities")).ShouldBe(["system"]);
    }

    [Test]
    public async Task Lists_filter_by_any_of_several_statuses_stage_amount_contact_and_sort_by_amount()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var small = await api.CreateDealAsync(contact, "small", 10m);
        var large = await api.CreateDealAsync(contact, "large", 1000m);
        var middle = await api.CreateDealAsync(title: "middle", amount: 100m);
        await api.PatchDealAsync(small, new { status = "won" });
        await api.PatchDealAsync(large, new { status = "in_progress", stage = "proposal" });

        async Task<List<string?>> Titles(string query) =>
            (await api.GetAsync($"/api/v1/deals?{query}")).Json["items"]!.AsArray().Select(d => (string?)d!["title"]).ToList();

        (await Titles("status=won&status=in_progress&order_by=amount&order=desc")).ShouldBe(["large", "small"]);
        (await Titles("status=new")).ShouldBe(["middle"]);
        (await Titles("stage=proposal")).ShouldBe(["large"]);
        (await Titles("min_amount=50&max_amount=500")).ShouldBe(["middle"]);
        (await Titles($"contact_id={contact}&order_by=title")).ShouldBe(["large", "small"]);
        (await Titles("order_by=amount")).ShouldBe(["small", "middle", "large"]);
        (await api.GetAsync("/api/v1/deals?status=open")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.GetAsync("/api/v1/deals?order_by=probability")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        _ = middle;
    }
}
