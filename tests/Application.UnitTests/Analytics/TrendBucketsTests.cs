using Crm.Application.Analytics.Queries.DealTrend;
using Crm.Application.Analytics.Reports;
using Crm.Domain.Deals;

namespace Crm.Application.UnitTests.Analytics;

public sealed class TrendBucketsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Test]
    public void An_instant_falls_in_the_bucket_of_its_day_in_the_zone()
    {
        var lateEvening = new DateTime(2026, 3, 10, 23, 30, 0, DateTimeKind.Utc);

        TrendBuckets.BucketOf(lateEvening, TimeZoneInfo.Utc, TrendInterval.Day).ShouldBe(new DateOnly(2026, 3, 10));
        TrendBuckets.BucketOf(lateEvening, Berlin, TrendInterval.Day).ShouldBe(new DateOnly(2026, 3, 11));
        TrendBuckets.BucketOf(new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc), LosAngeles, TrendInterval.Month).ShouldBe(new DateOnly(2026, 3, 1));
        // Sunday 22 March 23:30 UTC is Monday 23 March in Berlin: the next week.
        TrendBuckets.BucketOf(new DateTime(2026, 3, 22, 23, 30, 0, DateTimeKind.Utc), Berlin, TrendInterval.Week).ShouldBe(new DateOnly(2026, 3, 23));
        TrendBuckets.BucketOf(new DateTime(2026, 3, 22, 23, 30, 0, DateTimeKind.Utc), TimeZoneInfo.Utc, TrendInterval.Week).ShouldBe(new DateOnly(2026, 3, 16));
    }

    [Test]
    public void A_day_starts_at_local_midnight_also_across_daylight_saving_changes()
    {
        TrendBuckets.StartOfDayUtc(new DateOnly(2026, 3, 11), Berlin).ShouldBe(new DateTime(2026, 3, 10, 23, 0, 0, DateTimeKind.Utc));
        // Summer time from 29 March: midnight is 22:00 UTC the day before.
        TrendBuckets.StartOfDayUtc(new DateOnly(2026, 3, 30), Berlin).ShouldBe(new DateTime(2026, 3, 29, 22, 0, 0, DateTimeKind.Utc));
        TrendBuckets.StartOfDayUtc(new DateOnly(2026, 3, 11), LosAngeles).ShouldBe(new DateTime(2026, 3, 11, 7, 0, 0, DateTimeKind.Utc));
    }

    [Test]
    public void Weeks_start_on_monday_and_months_on_their_first_day()
    {
        var sunday = new DateOnly(2026, 3, 15);

        TrendBuckets.Start(sunday, TrendInterval.Week).ShouldBe(new DateOnly(2026, 3, 9));
        TrendBuckets.Start(new DateOnly(2026, 3, 9), TrendInterval.Week).ShouldBe(new DateOnly(2026, 3, 9));
        TrendBuckets.Start(sunday, TrendInterval.Month).ShouldBe(new DateOnly(2026, 3, 1));
        TrendBuckets.Starts(new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1), TrendInterval.Month)
            .ShouldBe([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)]);
    }

    [TestCase(TrendInterval.Day, "2025-01-01", "2026-01-01", 366, false)]
    [TestCase(TrendInterval.Day, "2025-01-01", "2026-01-02", 367, true)]
    [TestCase(TrendInterval.Week, "2021-01-04", "2025-12-22", 260, false)]
    [TestCase(TrendInterval.Week, "2021-01-04", "2025-12-29", 261, true)]
    [TestCase(TrendInterval.Month, "2016-01-31", "2025-12-01", 120, false)]
    [TestCase(TrendInterval.Month, "2016-01-31", "2026-01-01", 121, true)]
    public void A_range_spans_at_most_366_days_260_weeks_or_120_months(TrendInterval interval, string from, string to, int count, bool refused)
    {
        TrendBuckets.Count(DateOnly.Parse(from), DateOnly.Parse(to), interval).ShouldBe(count);
        (TrendBuckets.Problem(DateOnly.Parse(from), DateOnly.Parse(to), interval) is not null).ShouldBe(refused);
    }

    [Test]
    public void From_after_to_is_refused_naming_from()
    {
        TrendBuckets.Problem(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), TrendInterval.Day).ShouldBe(("From", "must not be after to"));
    }

    [Test]
    public void Every_bucket_is_answered_empty_ones_included()
    {
        var starts = new[] { new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2) };
        var rows = new[]
        {
            new TrendRow(starts[1], null, "EUR", 2, 30m),
            new TrendRow(starts[1], DealStatus.Won, "USD", 1, 10m),
            new TrendRow(starts[1], DealStatus.Won, "EUR", 1, 5m),
        };

        var buckets = DealTrendQueryHandler.Compute(starts, rows);

        buckets[0].Created.Count.ShouldBe(0);
        buckets[1].Created.ShouldBe(new DealFigures(2, new Dictionary<string, decimal> { ["EUR"] = 30m }), new DealFiguresComparer());
        buckets[1].Won.Count.ShouldBe(2);
        buckets[1].Won.Amounts.Keys.ShouldBe(["EUR", "USD"]);
        buckets[1].Lost.Count.ShouldBe(0);
    }

    private sealed class DealFiguresComparer : IEqualityComparer<DealFigures>
    {
        public bool Equals(DealFigures? x, DealFigures? y) =>
            x!.Count == y!.Count && x.Amounts.OrderBy(a => a.Key).SequenceEqual(y.Amounts.OrderBy(a => a.Key));

        public int GetHashCode(DealFigures obj) => obj.Count;
    }
}
