using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using Crm.Domain.Common;
using Crm.Domain.Deals;
using Crm.Domain.Tasks;

namespace Crm.Application.Activities.Common;

/// <summary>
/// Writes the timeline entry of a domain event, in the same transaction as the change. A deal's entry also carries
/// the deal's contact and company, and a task's entry its deal's records or else its own contact or company, so that
/// it shows on each of their timelines. The records are the tracked ones of the change: no extra query.
/// </summary>
public sealed class TimelineWriter(
    IRepository<Activity> activities, IRepository<Deal> deals, IRepository<DealTask> tasks, TimelineClock clock, IRequestContext context)
{
    public async Task WriteAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (TimelineEntry.For(domainEvent) is not { } entry)
        {
            return;
        }

        var links = await CompleteAsync(entry, cancellationToken);
        if (!links.IsEmpty)
        {
            activities.Add((entry with { Links = links }).ToActivity(clock.Next(), context.ActorTypeOf(entry.AuthorId)));
        }
    }

    private async Task<ActivityLinks> CompleteAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Links.DealId is { } dealId)
        {
            var deal = await deals.FindAsync(dealId, cancellationToken);
            return deal is null ? entry.Links : TimelineLinks.OfDeal(deal);
        }

        if (entry.TaskId is { } taskId && await tasks.FindAsync(taskId, cancellationToken) is { } task)
        {
            return TimelineLinks.OfTask(task, null);
        }

        return entry.Links;
    }
}
