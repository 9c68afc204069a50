using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>People's unread notification counts, in all their organizations and per organization, in one query.</summary>
public sealed class UnreadCounts(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyDictionary<Guid, LiveUnreadCountDto>> OfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var rows = await db.Set<Notification>().AsNoTracking()
            .Where(n => userIds.Contains(n.UserId) && n.InApp && n.ReadAt == null)
            .GroupBy(n => new { n.UserId, n.OrganizationId })
            .Select(g => new { g.Key.UserId, g.Key.OrganizationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return userIds.Distinct().ToDictionary(u => u, u =>
        {
            var organizations = rows.Where(r => r.UserId == u).OrderBy(r => r.OrganizationId)
                .Select(r => new OrganizationUnreadCountDto(r.OrganizationId, r.Count)).ToList();
            return new LiveUnreadCountDto(organizations.Sum(o => o.UnreadCount), organizations);
        });
    }
}
