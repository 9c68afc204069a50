using Ardalis.Specification;
using Crm.Domain.Tasks;

namespace Crm.Application.Webhooks.Common;

/// <summary>A contact's tasks, oldest first: those a contact's deletion takes with it.</summary>
public sealed class TasksOfContactSpecification : Specification<DealTask>
{
    public TasksOfContactSpecification(Guid contactId) =>
        Query.AsNoTracking().Where(t => t.ContactId == contactId).OrderBy(t => t.Id);
}
