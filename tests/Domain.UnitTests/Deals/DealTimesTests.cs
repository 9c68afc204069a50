using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Organizations;

namespace Crm.Domain.UnitTests.Deals;

/// <summary>When a deal entered its stage and when it closed, which the reports read.</summary>
public sealed class DealTimesTests
{
    private static readonly DateTime Opened = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Admin = new(Guid.NewGuid(), MemberRole.Admin);

    [Test]
    public void A_stage_change_says_when_the_deal_had_entered_the_stage_it_leaves()
    {
        var deal = Deal.Open(Guid.NewGuid(), Admin, Guid.NewGuid(), "Deal", 100m, "USD", DealStage.Qualification, null, Opened);
        deal.StageChangedAt.ShouldBe(Opened);
        deal.ClearDomainEvents();

        deal.Change(Admin, new DealChanges(Stage: DealStage.Proposal), Opened.AddDays(3));
        deal.Change(Admin, new DealChanges(Title: "Renamed"), Opened.AddDays(4));
        deal.Change(Admin, new DealChanges(Stage: DealStage.Negotiation), Opened.AddDays(10));

        var moves = deal.DomainEvents.OfType<DealStageChanged>().ToList();
        moves.Select(m => (m.From, m.FromEnteredAt)).ShouldBe([(DealStage.Qualification, Opened), (DealStage.Proposal, Opened.AddDays(3))]);
        deal.StageChangedAt.ShouldBe(Opened.AddDays(10));
    }

    [TestCase(DealStatus.Won)]
    [TestCase(DealStatus.Lost)]
    public void A_deal_closes_when_won_or_lost_and_opens_again_when_reopened(DealStatus outcome)
    {
        var deal = Deal.Open(Guid.NewGuid(), Admin, Guid.NewGuid(), "Deal", 100m, "USD", DealStage.Proposal, null, Opened);
        deal.Change(Admin, new DealChanges(Status: DealStatus.InProgress), Opened.AddDays(1));
        deal.ClosedAt.ShouldBeNull();

        deal.Change(Admin, new DealChanges(Status: outcome), Opened.AddDays(5));
        deal.ClosedAt.ShouldBe(Opened.AddDays(5));
        deal.StageChangedAt.ShouldBe(Opened.AddDays(5));
        deal.Change(Admin, new DealChanges(Amount: 120m), Opened.AddDays(6));
        deal.ClosedAt.ShouldBe(Opened.AddDays(5));

        deal.Change(Admin, new DealChanges(Status: DealStatus.InProgress), Opened.AddDays(8));
        deal.ClosedAt.ShouldBeNull();
    }
}
