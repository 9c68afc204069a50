using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Deals;
using MediatR;

namespace Crm.Application.Analytics.Queries.DealFunnel;

/// <summary>
/// The pipeline's four stages in order: deals in each (by status), deals that reached it (are in it or a later
/// stage), and the conversion from the previous stage.
/// </summary>
public sealed record DealFunnelQuery : IQuery<DealFunnelDto>, IOrganizationScoped, ICacheableQuery
{
    public string CacheKey => "analytics:deal-funnel";

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Deals];
}

public sealed record DealFunnelDto(IReadOnlyList<FunnelStage> Stages);

/// <param name="ConversionRate">100 × reached ÷ the previous stage's reached, to 2 decimals; null for the first stage or when the previous reached none.</param>
public sealed record FunnelStage(
    DealStage Stage, int Count, IReadOnlyDictionary<DealStatus, int> ByStatus, int Reached, decimal? ConversionRate);

public sealed class DealFunnelQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<DealFunnelQuery, DealFunnelDto>
{
    public async Task<DealFunnelDto> Handle(DealFunnelQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var rows = await store.ToListAsync(
            store.Query<Deal>()
                .Where(d => d.OrganizationId == organizationId)
                .GroupBy(d => new { d.Stage, d.Status })
                .Select(g => new { g.Key.Stage, g.Key.Status, Count = g.Count() }),
            cancellationToken);

        return new DealFunnelDto(Compute(rows.Select(r => (r.Stage, r.Status, r.Count))));
    }

    /// <summary>Builds the funnel from deal counts per stage and status.</summary>
    public static IReadOnlyList<FunnelStage> Compute(IEnumerable<(DealStage Stage, DealStatus Status, int Count)> counts)
    {
        var rows = counts.ToList();
        var stages = Enum.GetValues<DealStage>();
        var result = new List<FunnelStage>(stages.Length);
        int? previousReached = null;
        foreach (var stage in stages)
        {
            var byStatus = Enum.GetValues<DealStatus>().ToDictionary(
                status => status, status => rows.Where(r => r.Stage == stage && r.Status == status).Sum(r => r.Count));
            var reached = rows.Where(r => r.Stage >= stage).Sum(r => r.Count);
            decimal? conversion = previousReached is > 0 ? decimal.Round(100m * reached / previousReached.Value, 2) : null;
            result.Add(new FunnelStage(stage, byStatus.Values.Sum(), byStatus, reached, conversion));
            previousReached = reached;
        }

        return result;
    }
}
