using Crm.Application.Attachments.Common;
using Crm.Domain.Attachments;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Storage;

/// <summary>
/// Sums attachment sizes (an index on the organization carries the sizes). A sum rather than a counter: deleting
/// files, or the records they are attached to, frees their space with nothing to keep in step.
/// </summary>
internal sealed class StorageUsage(CrmDbContext db) : IStorageUsage
{
    public async Task<IReadOnlyDictionary<Guid, long>> MeasureAsync(
        IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken)
    {
        // The list of one's organizations reads several tenants at once; the ids are the caller's memberships, so
        // lifting the tenant filter here shows no one another organization's figure.
        var sums = await db.Set<Attachment>().IgnoreQueryFilters()
            .Where(a => organizationIds.Contains(a.OrganizationId))
            .GroupBy(a => a.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Bytes = g.Sum(a => a.Size) })
            .ToListAsync(cancellationToken);
        return organizationIds.Distinct().ToDictionary(id => id, id => sums.FirstOrDefault(s => s.OrganizationId == id)?.Bytes ?? 0);
    }

    public async Task<long> LockAndMeasureAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The storage lock lasts as long as a transaction; take it inside one.");
        }

        // FOR NO KEY UPDATE: uploads take turns, while inserts that only reference the organization (their foreign
        // key check takes KEY SHARE) go on. The sum then reads what the previous holder committed.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM organizations WHERE id = {organizationId} FOR NO KEY UPDATE", cancellationToken);
        return await db.Set<Attachment>().Where(a => a.OrganizationId == organizationId).SumAsync(a => a.Size, cancellationToken);
    }
}
