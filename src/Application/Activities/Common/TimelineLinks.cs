using Crm.Domain.Activities;
using Crm.Domain.Deals;
using Crm.Domain.Tasks;

namespace Crm.Application.Activities.Common;

/// <summary>The timelines an entry about a deal or a task shows on.</summary>
public static class TimelineLinks
{
    public static ActivityLinks OfDeal(Deal deal) => new(deal.Id, deal.ContactId, deal.CompanyId);

    /// <summary>A task's deal with the deal's records, or else the task's own contact or company.</summary>
    public static ActivityLinks OfTask(DealTask task, Deal? deal) =>
        deal is not null ? OfDeal(deal) : new ActivityLinks(task.DealId, task.ContactId, task.CompanyId);
}
