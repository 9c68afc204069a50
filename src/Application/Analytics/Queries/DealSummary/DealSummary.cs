using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Deals;
using FluentValidation;
using MediatR;

namespace Crm.Application.Analytics.Queries.DealSummary;

/// <summary>
/// Counts and amounts of the organization's deals by status, amounts kept apart by currency (never added across
/// currencies), and how many deals were created in the last <see cref="Days"/> days.
/// </summary>
public sealed record DealSummaryQuery(int Days = 30) : IQuery<DealSummaryDto>, IOrganizationScoped, ICacheableQuery
{
    public string CacheKey => $"analytics:deal-summary:{Days}";

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Deals];
}

public sealed record DealSummaryDto(
    IReadOnlyDictionary<DealStatus, StatusSummary> ByStatus, Totals Totals, NewDeals NewDeals);

public sealed record StatusSummary(int Count, IReadOnlyDictionary<string, decimal> Amounts)
{
    /// <summary>Won deals only: the average amount per currency.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, decimal>? AverageAmounts { get; init; }
}

public sealed record Totals(int Count, IReadOnlyDictionary<string, decimal> Amounts);

public sealed record NewDeals(int Days, int Count);

public sealed class DealSummaryQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<DealSummaryQuery, DealSummaryDto>
{
    public async Task<DealSummaryDto> Handle(DealSummaryQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var since = time.GetUtcNow().UtcDateTime.AddDays(-request.Days);

        // One grouped query: a row per status and currency, with the count of recent deals alongside.
        var rows = await store.ToListAsync(
            store.Query<Deal>()
                .Where(d => d.OrganizationId == organizationId)
                .GroupBy(d => new { d.Status, d.Currency })
                .Select(g => new
                {
                    g.Key.Status,
                    g.Key.Currency,
                    Count = g.Count(),
                    Amount = g.Sum(d => d.Amount),
                    Recent = g.Count(d => d.CreatedAt >= since),
                }),
            cancellationToken);

        var byStatus = Enum.GetValues<DealStatus>().ToDictionary(
            status => status,
            status =>
            {
                var group = rows.Where(r => r.Status == status).OrderBy(r => r.Currency, StringComparer.Ordinal).ToList();
                var summary = new StatusSummary(group.Sum(r => r.Count), group.ToDictionary(r => r.Currency, r => r.Amount));
                return status == DealStatus.Won
                    ? summary with { AverageAmounts = group.ToDictionary(r => r.Currency, r => decimal.Round(r.Amount / r.Count, 2)) }
                    : summary;
            });
        var totals = new Totals(
            rows.Sum(r => r.Count),
            rows.GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount)));
        return new DealSummaryDto(byStatus, totals, new NewDeals(request.Days, rows.Sum(r => r.Recent)));
    }
}
