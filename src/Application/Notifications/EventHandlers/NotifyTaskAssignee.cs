using Crm.Application.Common.Events;
using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Notifications.EventHandlers;

/// <summary>Tells a person that someone else gave them a task.</summary>
public sealed class NotifyTaskAssignee(INotificationOutbox outbox) : INotificationHandler<DomainEventNotification<TaskAssigned>>
{
    public Task Handle(DomainEventNotification<TaskAssigned> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        if (e.To is { } assignee && assignee != e.ActorId)
        {
            outbox.Queue(new NotificationDraft(
                assignee, e.OrganizationId, NotificationTypes.TaskAssigned, NotificationRecordTypes.Task, e.TaskId, e.ActorId, e.Title));
        }

        return Task.CompletedTask;
    }
}
