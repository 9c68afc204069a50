namespace Crm.Application.Analytics.Reports;

/// <summary>
/// The reports' SQL aggregates over one organization's deals, timeline and tasks. Every statement names the
/// organization; answers are small grouped rows that the queries shape.
/// </summary>
public interface IDealReports
{
    /// <summary>Deals created, and deals that closed (their last move to won or lost), per bucket of the organization's calendar, status and currency.</summary>
    Task<List<TrendRow>> TrendAsync(
        Guid organizationId, TrendInterval interval, string timeZone, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken);

    /// <summary>Open deals per month of their expected close date (null: none given), stage and currency, up to <paramref name="until"/>.</summary>
    Task<List<ForecastRow>> ForecastAsync(Guid organizationId, DateOnly until, CancellationToken cancellationToken);

    /// <summary>Won and lost deals whose last move to won or lost was at or after <paramref name="sinceUtc"/>, per owner, status and currency.</summary>
    Task<List<ClosingRow>> ClosingsAsync(Guid organizationId, DateTime sinceUtc, CancellationToken cancellationToken);

    /// <summary>How long deals stayed in each stage, counted on the moves out of it at or after <paramref name="sinceUtc"/>.</summary>
    Task<List<StageTimeRow>> StageTimesAsync(Guid organizationId, DateTime sinceUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Per person: open deals they own (per currency), activities they logged since <paramref name="sinceUtc"/>
    /// (comments, notes, calls, meetings, emails), and their open tasks due before <paramref name="today"/>.
    /// </summary>
    Task<OwnerRows> OwnersAsync(Guid organizationId, DateTime sinceUtc, DateOnly today, CancellationToken cancellationToken);
}
