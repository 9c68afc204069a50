using Crm.Application.Activities.Common;
using Crm.Application.Common.Events;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using Crm.Domain.Common;
using Crm.Domain.Deals.Events;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Deals.EventHandlers;

/// <summary>Writes a deal's timeline as it changes, in the same transaction as the change.</summary>
public sealed class RecordDealChangesInTimeline(IRepository<Activity> activities, TimelineClock clock, IRequestContext context) :
    INotificationHandler<DomainEventNotification<DealCreated>>,
    INotificationHandler<DomainEventNotification<DealStatusChanged>>,
    INotificationHandler<DomainEventNotification<DealStageChanged>>,
    INotificationHandler<DomainEventNotification<DealUpdated>>,
    INotificationHandler<DomainEventNotification<TaskCreated>>,
    INotificationHandler<DomainEventNotification<TaskCompleted>>,
    INotificationHandler<DomainEventNotification<TaskAssigned>>
{
    public Task Handle(DomainEventNotification<DealCreated> notification, CancellationToken cancellationToken) => Record(notification.DomainEvent);

    public Task Handle(DomainEventNotification<DealStatusChanged> notification, CancellationToken cancellationToken) => Record(notification.DomainEvent);

    public Task Handle(DomainEventNotification<DealStageChanged> notification, CancellationToken cancellationToken) => Record(notification.DomainEvent);

    public Task Handle(DomainEventNotification<DealUpdated> notification, CancellationToken cancellationToken) => Record(notification.DomainEvent);

    public Task Handle(DomainEventNotification<TaskCreated> notification, CancellationToken cancellationToken) => Record(notification.DomainEvent);

    public Task Handle(DomainEventNotification<TaskCompleted> notification, CancellationToken cancellationToken) => Record(notification.DomainEvent);

    public Task Handle(DomainEventNotification<TaskAssigned> notification, CancellationToken cancellationToken) => Record(notification.DomainEvent);

    private Task Record(IDomainEvent domainEvent)
    {
        if (TimelineEntry.For(domainEvent) is { } entry)
        {
            activities.Add(entry.ToActivity(clock.Next(), context.ActorTypeOf(entry.AuthorId)));
        }

        return Task.CompletedTask;
    }
}
