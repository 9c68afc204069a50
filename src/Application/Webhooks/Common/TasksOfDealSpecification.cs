using Ardalis.Specification;
using Crm.Domain.Tasks;

namespace Crm.Application.Webhooks.Common;

/// <summary>A deal's tasks, oldest first: those a deal's deletion takes with it.</summary>
public sealed class TasksOfDealSpecification : Specification<DealTask>
{
    public TasksOfDealSpecification(Guid dealId) =>
        Query.AsNoTracking().Where(t => t.DealId == dealId).OrderBy(t => t.Id);
}
