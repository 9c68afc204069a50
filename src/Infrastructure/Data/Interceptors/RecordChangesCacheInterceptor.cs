using Crm.Application.Common.Caching;
using Crm.Domain.Activities;
using Crm.Domain.Common;
using Crm.Domain.Deals;
using Crm.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Infrastructure.Data.Interceptors;

/// <summary>
/// Marks the organization's records of every kind being added, changed or removed as changed, so that cached list
/// totals of that kind are dropped once the transaction commits. A removed deal takes its tasks and timeline with it.
/// </summary>
internal sealed class RecordChangesCacheInterceptor(ICacheInvalidations invalidations) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        foreach (var entry in eventData.Context?.ChangeTracker.Entries<ITenantOwned>() ?? [])
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var organizationId = entry.Entity.OrganizationId;
            invalidations.Invalidate(organizationId, CacheTags.RecordsOf(entry.Entity.GetType()));
            if (entry is { State: EntityState.Deleted, Entity: Deal })
            {
                invalidations.Invalidate(organizationId, CacheTags.RecordsOf(typeof(DealTask)));
                invalidations.Invalidate(organizationId, CacheTags.RecordsOf(typeof(Activity)));
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
