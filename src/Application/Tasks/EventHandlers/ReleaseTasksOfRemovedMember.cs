using Crm.Application.Common.Events;
using Crm.Application.Common.Interfaces;
using Crm.Application.Tasks.Common;
using Crm.Domain.Common;
using Crm.Domain.Organizations.Events;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.EventHandlers;

/// <summary>
/// A member who leaves leaves their tasks to nobody, in the same transaction: the tasks stay listed
/// (<c>assignee_id=none</c>) and each change is announced like any reassignment, rather than staying with someone
/// who can no longer see them.
/// </summary>
public sealed class ReleaseTasksOfRemovedMember(IRepository<DealTask> tasks, TimeProvider time)
    : INotificationHandler<DomainEventNotification<MemberRemoved>>
{
    public async Task Handle(DomainEventNotification<MemberRemoved> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        var now = time.UtcNow();
        foreach (var task in await tasks.ListAsync(new TasksAssignedToSpecification(e.OrganizationId, e.UserId), cancellationToken))
        {
            task.ReleaseAssignee(e.ActorId, now);
        }
    }
}
