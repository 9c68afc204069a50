using Crm.Application.Analytics.Reports;

namespace Crm.Application.Analytics.Queries.DealTrend;

/// <param name="From">The first bucket's first day.</param>
/// <param name="To">The last day counted.</param>
/// <param name="TimeZone">The organization's time zone, whose calendar the buckets follow.</param>
public sealed record DealTrendDto(TrendInterval Interval, DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<TrendBucket> Buckets);
