using Crm.Application.Analytics.Reports;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using FluentValidation.Results;
using MediatR;

namespace Crm.Application.Analytics.Queries.DealTrend;

/// <summary>
/// Deals created, won and lost per day, week (from Monday) or month of the organization's calendar, with their
/// amounts per currency. A deal counts as won or lost in the bucket of its last move to that status, if it still has
/// it. <see cref="From"/> and <see cref="To"/> are calendar days, both included; without <see cref="To"/> the
/// range ends today, without <see cref="From"/> it spans 30 days or 12 weeks or months.
/// </summary>
public sealed record DealTrendQuery(TrendInterval Interval = TrendInterval.Day, DateOnly? From = null, DateOnly? To = null)
    : IQuery<DealTrendDto>, IOrganizationScoped, ICacheableQuery
{
    public string CacheKey => $"analytics:deal-trend:{Interval}:{From:O}:{To:O}";

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Deals, Common.Caching.CacheTags.Organization];
}

public sealed class DealTrendQueryHandler(IDealReports reports, IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<DealTrendQuery, DealTrendDto>
{
    public async Task<DealTrendDto> Handle(DealTrendQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var timeZone = await store.FirstOrDefaultAsync(
            store.Query<Organization>().Where(o => o.Id == organizationId).Select(o => o.TimeZone), cancellationToken)
            ?? OrganizationTimeZones.Default;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var to = request.To ?? OrganizationTimeZones.Today(timeZone, time.GetUtcNow());
        var from = request.From ?? TrendBuckets.DefaultFrom(to, request.Interval);
        if (TrendBuckets.Problem(from, to, request.Interval) is { } problem)
        {
            throw new ValidationException([new ValidationFailure(problem.Field, problem.Message)]);
        }

        var starts = TrendBuckets.Starts(from, to, request.Interval).ToList();
        var end = TrendBuckets.Next(starts[^1], request.Interval);
        var rows = await reports.TrendAsync(
            organizationId,
            request.Interval,
            timeZone,
            TrendBuckets.StartOfDayUtc(starts[0], zone),
            TrendBuckets.StartOfDayUtc(end, zone),
            cancellationToken);
        return new DealTrendDto(request.Interval, starts[0], to, timeZone, Compute(starts, rows));
    }

    /// <summary>One bucket per start, empty ones included, from the grouped rows.</summary>
    public static IReadOnlyList<TrendBucket> Compute(IReadOnlyList<DateOnly> starts, IReadOnlyList<TrendRow> rows)
    {
        var byBucket = rows.ToLookup(r => r.Bucket);
        return starts.Select(start =>
        {
            var bucket = byBucket[start].ToList();
            return new TrendBucket(
                start,
                Figures(bucket.Where(r => r.Closed is null)),
                Figures(bucket.Where(r => r.Closed == DealStatus.Won)),
                Figures(bucket.Where(r => r.Closed == DealStatus.Lost)));
        }).ToList();
    }

    private static DealFigures Figures(IEnumerable<TrendRow> rows) => DealFigures.Of(rows, r => r.Currency, r => r.Count, r => r.Amount);
}
