using Crm.Application.Analytics.Queries.DealForecast;
using Crm.Application.Analytics.Queries.DealVelocity;
using Crm.Application.Analytics.Queries.OwnerPerformance;
using Crm.Application.Analytics.Reports;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;

namespace Crm.Application.UnitTests.Analytics;

public sealed class ReportArithmeticTests
{
    [TestCase(0, 0, null)]
    [TestCase(0, 3, 0.0)]
    [TestCase(1, 0, 100.0)]
    [TestCase(1, 2, 33.33)]
    [TestCase(2, 1, 66.67)]
    public void The_win_rate_is_a_percent_to_2_decimals_and_null_without_closed_deals(int won, int lost, double? expected)
    {
        ReportMath.WinRate(won, lost).ShouldBe(expected is null ? null : (decimal)expected.Value);
    }

    [Test]
    public void An_average_of_nothing_is_null()
    {
        ReportMath.Average(0, 0).ShouldBeNull();
        ReportMath.Average(10, 4).ShouldBe(2.5m);
        ReportMath.Average(1, 3).ShouldBe(0.33m);
    }

    [Test]
    public void The_forecast_weights_each_stage_and_keeps_currencies_apart()
    {
        var from = new DateOnly(2026, 12, 1);
        var rows = new[]
        {
            new ForecastRow(from, DealStage.Proposal, "EUR", 2, 1000m),
            new ForecastRow(from, DealStage.Negotiation, "EUR", 1, 100m),
            new ForecastRow(from.AddMonths(1), DealStage.Qualification, "USD", 1, 333.33m),
            new ForecastRow(new DateOnly(2026, 11, 1), DealStage.Qualification, "EUR", 1, 50m),
            new ForecastRow(null, DealStage.Negotiation, "EUR", 1, 10m),
        };

        var forecast = DealForecastQueryHandler.Compute(2, from, new StageProbabilities(10, 30, 60), rows);

        forecast.Buckets.Select(b => b.Month).ShouldBe([from, from.AddMonths(1)]);
        forecast.Buckets[0].Count.ShouldBe(3);
        forecast.Buckets[0].Amounts["EUR"].ShouldBe(1100m);
        forecast.Buckets[0].WeightedAmounts["EUR"].ShouldBe(360m);
        forecast.Buckets[1].WeightedAmounts["USD"].ShouldBe(33.33m);
        forecast.Overdue.Count.ShouldBe(1);
        forecast.Overdue.WeightedAmounts["EUR"].ShouldBe(5m);
        forecast.Undated.WeightedAmounts["EUR"].ShouldBe(6m);
    }

    [Test]
    public void Velocity_with_no_deals_has_zero_counts_and_null_rates()
    {
        var velocity = DealVelocityQueryHandler.Compute(90, [], []);

        velocity.Won.Count.ShouldBe(0);
        velocity.WinRate.ShouldBeNull();
        velocity.AverageDaysToWin.ShouldBeNull();
        velocity.AverageWonAmounts.ShouldBeEmpty();
        velocity.Stages.Select(s => s.Stage).ShouldBe([DealStage.Qualification, DealStage.Proposal, DealStage.Negotiation]);
        velocity.Stages.ShouldAllBe(s => s.Exits == 0 && s.AverageDays == null);
    }

    [Test]
    public void Velocity_averages_days_to_win_over_all_currencies_and_amounts_per_currency()
    {
        var owner = Guid.NewGuid();
        var closings = new[]
        {
            new ClosingRow(owner, DealStatus.Won, "EUR", 2, 300m, 10),
            new ClosingRow(owner, DealStatus.Won, "USD", 1, 50m, 5),
            new ClosingRow(Guid.NewGuid(), DealStatus.Lost, "EUR", 1, 70m, 1),
        };

        var velocity = DealVelocityQueryHandler.Compute(30, closings, [new StageTimeRow(DealStage.Proposal, 4, 10)]);

        velocity.WinRate.ShouldBe(75m);
        velocity.AverageDaysToWin.ShouldBe(5m);
        velocity.AverageWonAmounts["EUR"].ShouldBe(150m);
        velocity.AverageWonAmounts["USD"].ShouldBe(50m);
        velocity.Stages.Single(s => s.Stage == DealStage.Proposal).AverageDays.ShouldBe(2.5m);
    }

    [Test]
    public void Every_person_gets_a_row_by_name_and_api_keys_are_left_out()
    {
        var ada = new OwnerName(Guid.NewGuid(), "Ada");
        var bob = new OwnerName(Guid.NewGuid(), "Bob");
        var apiKey = Guid.NewGuid();
        var rows = new OwnerRows(
            [new OpenDealsRow(bob.Id, "EUR", 2, 20m)],
            new Dictionary<Guid, int> { [bob.Id] = 3, [apiKey] = 9 },
            new Dictionary<Guid, int> { [apiKey] = 1 });

        var owners = OwnerPerformanceQueryHandler.Compute([bob, ada], [new ClosingRow(ada.Id, DealStatus.Lost, "EUR", 1, 5m, 1)], rows);

        owners.Select(o => o.Name).ShouldBe(["Ada", "Bob"]);
        owners[0].WinRate.ShouldBe(0m);
        owners[0].Lost.Count.ShouldBe(1);
        owners[1].WinRate.ShouldBeNull();
        owners[1].Open.Amounts["EUR"].ShouldBe(20m);
        owners[1].ActivitiesLogged.ShouldBe(3);
        owners[1].TasksOverdue.ShouldBe(0);
    }
}
