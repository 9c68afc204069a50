using Crm.Domain.Changes;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Infrastructure.Data.Interceptors;

/// <summary>
/// Writes a <see cref="RecordChange"/> for every contact, deal and task added, changed or removed, in the same
/// transaction. A removed deal takes its tasks with it (the database cascades), so their removals are written too.
/// </summary>
internal sealed class RecordChangeFeedInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var changes = new List<RecordChange>();
            foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>().ToList())
            {
                if (Action(entry.State) is not { } action || TypeOf(entry.Entity) is not { } type)
                {
                    continue;
                }

                var id = ((Entity)entry.Entity).Id;
                changes.Add(RecordChange.Of(entry.Entity.OrganizationId, type, id, action, now));
                if (entry is { State: EntityState.Deleted, Entity: Deal deal })
                {
                    var tracked = context.ChangeTracker.Entries<DealTask>()
                        .Where(t => t.State == EntityState.Deleted).Select(t => t.Entity.Id).ToHashSet();
                    var tasks = await context.Set<DealTask>().AsNoTracking()
                        .Where(t => t.DealId == deal.Id).Select(t => t.Id).ToListAsync(cancellationToken);
                    changes.AddRange(tasks.Where(t => !tracked.Contains(t))
                        .Select(t => RecordChange.Of(deal.OrganizationId, ChangedRecordType.Task, t, ChangeAction.Deleted, now)));
                }
            }

            context.Set<RecordChange>().AddRange(changes);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static ChangeAction? Action(EntityState state) => state switch
    {
        EntityState.Added => ChangeAction.Created,
        EntityState.Modified => ChangeAction.Updated,
        EntityState.Deleted => ChangeAction.Deleted,
        _ => null,
    };

    private static ChangedRecordType? TypeOf(ITenantOwned record) => record switch
    {
        Contact => ChangedRecordType.Contact,
        Deal => ChangedRecordType.Deal,
        DealTask => ChangedRecordType.Task,
        _ => null,
    };
}
