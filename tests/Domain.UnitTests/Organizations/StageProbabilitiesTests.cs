using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Organizations;

public sealed class StageProbabilitiesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void An_organization_starts_with_10_30_and_60_percent_and_closed_deals_weigh_nothing()
    {
        var organization = Organization.Create("Acme", null, Guid.NewGuid(), Now);

        organization.StageProbabilities.ShouldBe(new StageProbabilities(10, 30, 60));
        organization.StageProbabilities.Of(DealStage.Qualification).ShouldBe(10);
        organization.StageProbabilities.Of(DealStage.Proposal).ShouldBe(30);
        organization.StageProbabilities.Of(DealStage.Negotiation).ShouldBe(60);
        organization.StageProbabilities.Of(DealStage.Closed).ShouldBe(0);
    }

    [Test]
    public void Only_the_stages_named_change()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", null, owner.UserId, Now);

        organization.ChangeStageProbabilities(owner, new Dictionary<string, int> { ["proposal"] = 0, ["negotiation"] = 100 }, Now.AddHours(1));

        organization.StageProbabilities.ShouldBe(new StageProbabilities(10, 0, 100));
        organization.UpdatedAt.ShouldBe(Now.AddHours(1));
    }

    [TestCase("closed", 50)]
    [TestCase("won", 50)]
    [TestCase("Proposal", 50)]
    [TestCase("proposal", 101)]
    [TestCase("qualification", -1)]
    public void A_closed_or_unknown_stage_or_a_percent_outside_0_to_100_is_refused(string stage, int percent)
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", null, owner.UserId, Now);

        var error = AssertBrokenRule(
            () => organization.ChangeStageProbabilities(owner, new Dictionary<string, int> { ["negotiation"] = 70, [stage] = percent }, Now),
            "invalid_stage_probability",
            ErrorKind.Invalid);

        error.Detail.ShouldNotBeNull().ShouldContain(stage);
        organization.StageProbabilities.ShouldBe(StageProbabilities.Default);
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void Only_an_administrator_changes_them(MemberRole role)
    {
        var organization = Organization.Create("Acme", null, Guid.NewGuid(), Now);

        AssertBrokenRule(
            () => organization.ChangeStageProbabilities(new Actor(Guid.NewGuid(), role), new Dictionary<string, int> { ["proposal"] = 50 }, Now),
            "insufficient_role",
            ErrorKind.Forbidden);
        organization.StageProbabilities.ShouldBe(StageProbabilities.Default);
    }
}
