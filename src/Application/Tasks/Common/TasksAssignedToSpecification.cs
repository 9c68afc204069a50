using Ardalis.Specification;
using Crm.Domain.Tasks;

namespace Crm.Application.Tasks.Common;

/// <summary>The tasks of an organization assigned to one member, tracked to be changed.</summary>
public sealed class TasksAssignedToSpecification : Specification<DealTask>
{
    public TasksAssignedToSpecification(Guid organizationId, Guid assigneeId) =>
        Query.Where(t => t.OrganizationId == organizationId && t.AssigneeId == assigneeId).OrderBy(t => t.Id);
}
