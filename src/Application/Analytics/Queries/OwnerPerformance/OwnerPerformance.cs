using Crm.Application.Analytics.Reports;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Tasks.Common;
using Crm.Domain.Activities;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Analytics.Queries.OwnerPerformance;

/// <summary>
/// Per member (and anyone else who owns deals): open deals and their amounts; deals won and lost in the last
/// <see cref="Days"/> days, the win rate; the activities they logged in the window (comments, notes, calls, meetings
/// and emails, not the entries the service records for changes); and their open tasks due before today in the
/// organization's time zone (what <c>status=overdue</c> lists).
/// </summary>
public sealed record OwnerPerformanceQuery(int Days = ReportBounds.DefaultDays)
    : IQuery<OwnerPerformanceDto>, IOrganizationScoped, ICacheableQuery
{
    public string CacheKey => $"analytics:owners:{Days}";

    public IReadOnlyList<string> CacheTags =>
    [
        Common.Caching.CacheTags.Deals,
        Common.Caching.CacheTags.Organization,
        Common.Caching.CacheTags.RecordsOf(typeof(Activity)),
        Common.Caching.CacheTags.RecordsOf(typeof(DealTask)),
    ];
}

public sealed class OwnerPerformanceQueryHandler(IDealReports reports, IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<OwnerPerformanceQuery, OwnerPerformanceDto>
{
    public async Task<OwnerPerformanceDto> Handle(OwnerPerformanceQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var since = time.GetUtcNow().UtcDateTime.AddDays(-request.Days);
        var today = await store.OrganizationTodayAsync(organizationId, time, cancellationToken);
        var closings = await reports.ClosingsAsync(organizationId, since, cancellationToken);
        var rows = await reports.OwnersAsync(organizationId, since, today, cancellationToken);
        var ids = closings.Select(c => c.OwnerId).Concat(rows.OpenDeals.Select(o => o.OwnerId))
            .Concat(rows.ActivitiesLogged.Keys).Concat(rows.TasksOverdue.Keys).Distinct().ToList();
        var people = await store.ToListAsync(
            store.Query<User>()
                .Where(u => ids.Contains(u.Id)
                    || store.Query<Membership>().Any(m => m.OrganizationId == organizationId && m.UserId == u.Id))
                .Select(u => new OwnerName(u.Id, u.Name)),
            cancellationToken);
        return new OwnerPerformanceDto(request.Days, Compute(people, closings, rows));
    }

    /// <summary>One row per person, by name then id; the figures of ids that are no person (API keys) are left out.</summary>
    public static IReadOnlyList<OwnerFigures> Compute(IReadOnlyList<OwnerName> people, IReadOnlyList<ClosingRow> closings, OwnerRows rows) =>
        people
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Id)
            .Select(p =>
            {
                var open = DealFigures.Of(rows.OpenDeals.Where(o => o.OwnerId == p.Id), o => o.Currency, o => o.Count, o => o.Amount);
                var won = DealFigures.Of(closings.Where(c => c.OwnerId == p.Id && c.Status == DealStatus.Won), c => c.Currency, c => c.Count, c => c.Amount);
                var lost = DealFigures.Of(closings.Where(c => c.OwnerId == p.Id && c.Status == DealStatus.Lost), c => c.Currency, c => c.Count, c => c.Amount);
                return new OwnerFigures(
                    p.Id,
                    p.Name,
                    open,
                    won,
                    lost,
                    ReportMath.WinRate(won.Count, lost.Count),
                    rows.ActivitiesLogged.GetValueOrDefault(p.Id),
                    rows.TasksOverdue.GetValueOrDefault(p.Id));
            })
            .ToList();
}
