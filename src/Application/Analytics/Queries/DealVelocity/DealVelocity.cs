using Crm.Application.Analytics.Reports;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Deals;
using MediatR;

namespace Crm.Application.Analytics.Queries.DealVelocity;

/// <summary>
/// How fast deals move, over the last <see cref="Days"/> days: the deals won and lost in them (by their last move to
/// that status), the win rate, the average days from creation to won, and the average days deals stayed in each
/// open stage (from the timeline's stage changes out of it in the window, entered by the previous change or at creation).
/// </summary>
public sealed record DealVelocityQuery(int Days = ReportBounds.DefaultDays) : IQuery<DealVelocityDto>, IOrganizationScoped, ICacheableQuery
{
    public string CacheKey => $"analytics:deal-velocity:{Days}";

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Deals];
}

public sealed class DealVelocityQueryHandler(IDealReports reports, IRequestContext context, TimeProvider time)
    : IRequestHandler<DealVelocityQuery, DealVelocityDto>
{
    public async Task<DealVelocityDto> Handle(DealVelocityQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var since = time.GetUtcNow().UtcDateTime.AddDays(-request.Days);
        var closings = await reports.ClosingsAsync(organizationId, since, cancellationToken);
        var stages = await reports.StageTimesAsync(organizationId, since, cancellationToken);
        return Compute(request.Days, closings, stages);
    }

    /// <summary>The velocity from closings per owner, status and currency and from times spent per stage.</summary>
    public static DealVelocityDto Compute(int days, IReadOnlyList<ClosingRow> closings, IReadOnlyList<StageTimeRow> stages)
    {
        var won = closings.Where(r => r.Status == DealStatus.Won).ToList();
        var wonFigures = DealFigures.Of(won, r => r.Currency, r => r.Count, r => r.Amount);
        var lostFigures = DealFigures.Of(closings.Where(r => r.Status == DealStatus.Lost), r => r.Currency, r => r.Count, r => r.Amount);
        var averageWon = wonFigures.Amounts.ToDictionary(
            a => a.Key,
            a => decimal.Round(a.Value / won.Where(r => r.Currency == a.Key).Sum(r => r.Count), 2, MidpointRounding.AwayFromZero));
        var stageList = Enum.GetValues<DealStage>().Where(s => s != DealStage.Closed)
            .Select(stage =>
            {
                var row = stages.Where(s => s.Stage == stage).ToList();
                var exits = row.Sum(s => s.Exits);
                return new StageVelocity(stage, exits, ReportMath.Average(row.Sum(s => s.Days), exits));
            })
            .ToList();
        return new DealVelocityDto(
            days,
            wonFigures,
            lostFigures,
            ReportMath.WinRate(wonFigures.Count, lostFigures.Count),
            ReportMath.Average(won.Sum(r => r.Days), wonFigures.Count),
            averageWon,
            stageList);
    }
}
