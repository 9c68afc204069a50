using Crm.Application.Activities.Common;
using Crm.Application.Common.Events;
using Crm.Domain.Deals.Events;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Deals.EventHandlers;

/// <summary>Writes a deal's timeline (and its tasks' entries) as it changes, in the same transaction as the change.</summary>
public sealed class RecordDealChangesInTimeline(TimelineWriter timeline) :
    INotificationHandler<DomainEventNotification<DealCreated>>,
    INotificationHandler<DomainEventNotification<DealStatusChanged>>,
    INotificationHandler<DomainEventNotification<DealStageChanged>>,
    INotificationHandler<DomainEventNotification<DealUpdated>>,
    INotificationHandler<DomainEventNotification<TaskCreated>>,
    INotificationHandler<DomainEventNotification<TaskCompleted>>,
    INotificationHandler<DomainEventNotification<TaskAssigned>>
{
    public Task Handle(DomainEventNotification<DealCreated> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<DealStatusChanged> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<DealStageChanged> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<DealUpdated> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<TaskCreated> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<TaskCompleted> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<TaskAssigned> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);
}
