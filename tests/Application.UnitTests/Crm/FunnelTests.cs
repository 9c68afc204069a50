using Crm.Application.Analytics.Queries.DealFunnel;
using Crm.Domain.Deals;

namespace Crm.Application.UnitTests.Crm;

public sealed class FunnelTests
{
    [Test]
    public void Reached_counts_a_stage_and_every_later_one_and_conversion_divides_by_the_previous_reached()
    {
        var stages = DealFunnelQueryHandler.Compute(
        [
            (DealStage.Qualification, DealStatus.New, 2),
            (DealStage.Proposal, DealStatus.InProgress, 1),
            (DealStage.Negotiation, DealStatus.InProgress, 1),
            (DealStage.Closed, DealStatus.Won, 1),
        ]);

        stages.Select(s => s.Reached).ShouldBe([5, 3, 2, 1]);
        stages.Select(s => s.ConversionRate).ShouldBe([null, 60.00m, 66.67m, 50.00m]);
        stages[3].ByStatus[DealStatus.Won].ShouldBe(1);
        stages[0].Count.ShouldBe(2);
    }

    [Test]
    public void A_stage_after_one_that_nobody_reached_has_no_conversion()
    {
        var stages = DealFunnelQueryHandler.Compute([(DealStage.Qualification, DealStatus.New, 3)]);

        stages.Select(s => s.ConversionRate).ShouldBe([null, 0m, null, null]);
    }
}
