using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ActivityTests : ApiTest
{
    [Test]
    public async Task Any_member_comments_on_any_deal_of_the_organization()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var deal = await api.As(team.Owner).CreateDealAsync();

        var reply = await api.As(team.Member).PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "Spoke to them today." } });

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        reply.Headers.Location!.ToString().ShouldStartWith($"/api/v1/deals/{deal}/activities/");
        ((string?)reply.Json["type"]).ShouldBe("comment");
        ((string?)reply.Json["author_id"]).ShouldBe(team.Member.UserId.ToString());
        ((string?)reply.Json["payload"]!["text"]).ShouldBe("Spoke to them today.");
        (await api.As(team.Owner).TimelineAsync(deal)).ShouldBe(["comment", "system"]);
    }

    [Test]
    public async Task The_location_of_a_new_comment_answers_with_it_and_only_under_its_own_deal_and_organization()
    {
        var api = NewApi();
        var owner = api.As(await api.RegisterAsync());
        var deal = await owner.CreateDealAsync();
        var otherDeal = await owner.CreateDealAsync();
        var created = await owner.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "Follow up Friday." } });
        var id = (string)created.Json["id"]!;
        var stranger = api.As(await api.RegisterAsync());

        var fetched = await owner.GetAsync(created.Headers.Location!.ToString());

        fetched.Status.ShouldBe(HttpStatusCode.OK, fetched.Text);
        ((string?)fetched.Json["id"]).ShouldBe(id);
        ((string?)fetched.Json["payload"]!["text"]).ShouldBe("Follow up Friday.");
        (await owner.GetAsync($"/api/v1/deals/{otherDeal}/activities/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
        (await owner.GetAsync($"/api/v1/deals/{deal}/activities/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
        (await stranger.GetAsync($"/api/v1/deals/{deal}/activities/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
    }

    [TestCase("status_changed")]
    [TestCase("system")]
    public async Task Only_comments_may_be_written_by_people(string type)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();

        (await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type, payload = new { text = "forged" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "activity_type_not_allowed");
        (await api.TimelineAsync(deal)).ShouldBe(["system"]);
    }

    [Test]
    public async Task A_comment_needs_text_of_at_most_5000_characters()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();

        (await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "" } }))
            .ErrorsOf("payload.text").ShouldNotBeEmpty();
        (await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = new string('x', 5001) } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment" }))
            .ErrorsOf("payload").ShouldNotBeEmpty();
    }

    [Test]
    public async Task The_timeline_is_paged_newest_first()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        for (var i = 1; i <= 3; i++)
        {
            await api.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = $"note {i}" } });
        }

        var first = await api.GetAsync($"/api/v1/deals/{deal}/activities?page_size=2");
        var second = await api.GetAsync($"/api/v1/deals/{deal}/activities?page_size=2&page=2");

        ((int?)first.Json["total"]).ShouldBe(4);
        first.Json["items"]!.AsArray().Select(a => (string?)a!["payload"]!["text"]).ShouldBe(["note 3", "note 2"]);
        second.Json["items"]!.AsArray().Select(a => (string?)a!["type"]).ShouldBe(["comment", "system"]);
    }
}
