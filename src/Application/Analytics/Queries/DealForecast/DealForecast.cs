using Crm.Application.Analytics.Reports;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Analytics.Queries.DealForecast;

/// <summary>
/// Open deals' amounts per currency by the month they are expected to close, from this month (in the organization's
/// time zone) for <see cref="Months"/> months, as they are and weighted by the organization's stage probabilities;
/// open deals expected before this month are overdue, those without a date undated.
/// </summary>
public sealed record DealForecastQuery(int Months = ReportBounds.DefaultMonths)
    : IQuery<DealForecastDto>, IOrganizationScoped, ICacheableQuery
{
    public string CacheKey => $"analytics:deal-forecast:{Months}";

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Deals, Common.Caching.CacheTags.Organization];
}

public sealed class DealForecastQueryHandler(IDealReports reports, IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<DealForecastQuery, DealForecastDto>
{
    public async Task<DealForecastDto> Handle(DealForecastQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var settings = await store.FirstOrDefaultAsync(
            store.Query<Organization>().Where(o => o.Id == organizationId).Select(o => new { o.TimeZone, o.StageProbabilities }),
            cancellationToken);
        var probabilities = settings?.StageProbabilities ?? StageProbabilities.Default;
        var today = OrganizationTimeZones.Today(settings?.TimeZone, time.GetUtcNow());
        var from = new DateOnly(today.Year, today.Month, 1);
        var until = from.AddMonths(request.Months);
        var rows = await reports.ForecastAsync(organizationId, until, cancellationToken);
        return Compute(request.Months, from, probabilities, rows);
    }

    /// <summary>The forecast from open deals grouped by expected close month, stage and currency.</summary>
    public static DealForecastDto Compute(int months, DateOnly from, StageProbabilities probabilities, IReadOnlyList<ForecastRow> rows)
    {
        var buckets = Enumerable.Range(0, months)
            .Select(i => from.AddMonths(i))
            .Select(month => (Month: month, Figures: Figures(rows.Where(r => r.Month == month), probabilities)))
            .Select(m => new ForecastMonth(m.Month, m.Figures.Count, m.Figures.Amounts, m.Figures.WeightedAmounts))
            .ToList();
        var overdue = Figures(rows.Where(r => r.Month < from), probabilities);
        var undated = Figures(rows.Where(r => r.Month is null), probabilities);
        return new DealForecastDto(months, from, probabilities, buckets, overdue, undated);
    }

    private static ForecastFigures Figures(IEnumerable<ForecastRow> rows, StageProbabilities probabilities)
    {
        var list = rows.ToList();
        var weighted = list
            .GroupBy(r => r.Currency)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => ReportMath.Weighted(r.Amount, probabilities.Of(r.Stage))));
        var figures = DealFigures.Of(list, r => r.Currency, r => r.Count, r => r.Amount);
        return new ForecastFigures(figures.Count, figures.Amounts, weighted);
    }
}
