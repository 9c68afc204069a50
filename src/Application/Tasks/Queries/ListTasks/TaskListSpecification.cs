using Ardalis.Specification;
using Crm.Application.Common.Specifications;
using Crm.Domain.Tasks;

namespace Crm.Application.Tasks.Queries.ListTasks;

/// <summary>The organization's tasks, filtered, by due date (undated last) or creation, ties broken by id.</summary>
public sealed class TaskListSpecification : Specification<DealTask>
{
    /// <param name="today">Today in the organization's time zone, when the query asks for overdue tasks.</param>
    public TaskListSpecification(Guid organizationId, ListTasksQuery query, AssigneeFilter assignees, DateOnly? today)
    {
        Query.AsNoTracking().Where(t => t.OrganizationId == organizationId);
        if (assignees.IsSet)
        {
            var ids = assignees.Ids.ToList();
            var unassigned = assignees.IncludeUnassigned;
            Query.Where(t => (t.AssigneeId != null && ids.Contains(t.AssigneeId.Value)) || (unassigned && t.AssigneeId == null));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            var open = statuses.Contains(TaskState.Open);
            var done = statuses.Contains(TaskState.Done);
            var overdue = statuses.Contains(TaskState.Overdue);
            var day = today ?? DateOnly.MinValue;
            Query.Where(t => (open && !t.IsDone) || (done && t.IsDone) || (overdue && !t.IsDone && t.DueDate < day));
        }

        if (query.ContactId is { } contactId)
        {
            Query.Where(t => t.ContactId == contactId);
        }

        if (query.CompanyId is { } companyId)
        {
            Query.Where(t => t.CompanyId == companyId);
        }

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
