using Crm.Application.Common.Events;
using Crm.Domain.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Infrastructure.Data.Interceptors;

/// <summary>
/// Publishes the domain events of the entities being saved just before they are written, so that what reacts to
/// them (the timeline, cache invalidation) is written in the same transaction. Repeats until no handler raised
/// more.
/// </summary>
internal sealed class DispatchDomainEventsInterceptor(IDomainEventPublisher publisher) : SaveChangesInterceptor
{
    private const int MaxRounds = 10;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var events = context.ChangeTracker.Entries<IHasDomainEvents>()
                    .SelectMany(e =>
                    {
                        var raised = e.Entity.DomainEvents.ToList();
                        e.Entity.ClearDomainEvents();
                        return raised;
                    })
                    .ToList();
                if (events.Count == 0)
                {
                    break;
                }

                foreach (var domainEvent in events)
                {
                    await publisher.PublishAsync(domainEvent, cancellationToken);
                }
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Save changes asynchronously, so that domain events are dispatched.");
}
