using Ardalis.Specification;
using Crm.Application.Common.Specifications;
using Crm.Domain.Tasks;

namespace Crm.Application.Tasks.Queries.ListTasks;

/// <summary>The organization's tasks, filtered, by due date (undated last) or creation, ties broken by id.</summary>
public sealed class TaskListSpecification : Specification<DealTask>
{
    public TaskListSpecification(Guid organizationId, ListTasksQuery query)
    {
        Query.AsNoTracking().Where(t => t.OrganizationId == organizationId);
        if (query.DealId is { } dealId)
        {
            Query.Where(t => t.DealId == dealId);
        }

        if (query.OnlyOpen)
        {
            Query.Where(t => !t.IsDone);
        }

        if (query.DueBefore is { } before)
        {
            Query.Where(t => t.DueDate < before);
        }

        if (query.DueAfter is { } after)
        {
            Query.Where(t => t.DueDate > after);
        }

        if (query.UpdatedSince is { } since)
        {
            Query.Where(t => t.UpdatedAt >= since);
        }

        if (query.OrderBy == TaskOrder.DueDate)
        {
            Query.OrderBy(query.Order, t => t.DueDate, t => t.CreatedAt, t => t.Id);
        }
        else
        {
            Query.OrderBy(query.Order, t => t.CreatedAt, t => t.Id);
        }
    }
}
