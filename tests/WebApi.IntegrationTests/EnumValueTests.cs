using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Enum values are read exactly as documented: any other spelling is refused like an unknown value, never combined or guessed.</summary>
public sealed class EnumValueTests : ApiTest
{
    [TestCase("owner, member")]
    [TestCase("admin, manager")]
    [TestCase("owner,member")]
    [TestCase("OWNER")]
    [TestCase(" member")]
    [TestCase("1")]
    public async Task A_role_outside_the_documented_names_is_refused_and_grants_nothing(string role)
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var team = new Team(owner.OrganizationId, owner, owner, owner, owner);

        var invited = await api.As(owner).PostAsync(team.Members, new { email = "grace@example.com", role });

        invited.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        var invitations = await api.As(owner).GetAsync($"/api/v1/organizations/{owner.OrganizationId}/invitations");
        invitations.Json["total"]!.GetValue<int>().ShouldBe(0);
    }

    [TestCase("qualification, closed")]
    [TestCase("proposal, negotiation")]
    [TestCase("Qualification")]
    [TestCase("qualification ")]
    public async Task A_deal_stage_outside_the_documented_names_is_refused(string stage)
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var deal = await api.As(owner).CreateDealAsync(stage: "qualification");

        var reply = await api.As(owner).PatchDealAsync(deal, new { stage });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        ((string?)(await api.As(owner).GetAsync($"/api/v1/deals/{deal}")).Json["stage"]).ShouldBe("qualification");
    }

    [Test]
    public async Task Documented_names_are_still_read_and_written()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var deal = await api.As(owner).CreateDealAsync(stage: "qualification");

        var reply = await api.As(owner).PatchDealAsync(deal, new { stage = "proposal" });

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        ((string?)reply.Json["stage"]).ShouldBe("proposal");
    }
}
