using Crm.Application.Activities.Common;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Events;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Models;
using Crm.Domain.Activities;
using Crm.Domain.Deals.Events;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Deals.EventHandlers;

/// <summary>Writes a deal's timeline as it changes, in the same transaction as the change.</summary>
public sealed class RecordDealChangesInTimeline(IRepository<Activity> activities, TimelineClock clock) :
    INotificationHandler<DomainEventNotification<DealCreated>>,
    INotificationHandler<DomainEventNotification<DealStatusChanged>>,
    INotificationHandler<DomainEventNotification<DealStageChanged>>,
    INotificationHandler<DomainEventNotification<DealUpdated>>,
    INotificationHandler<DomainEventNotification<TaskCreated>>,
    INotificationHandler<DomainEventNotification<TaskCompleted>>
{
    public Task Handle(DomainEventNotification<DealCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return Record(e.OrganizationId, e.DealId, e.ActorId, ActivityType.System, new { @event = "deal_created", title = e.Title });
    }

    public Task Handle(DomainEventNotification<DealStatusChanged> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return Record(e.OrganizationId, e.DealId, e.ActorId, ActivityType.StatusChanged, new { from = e.From, to = e.To });
    }

    public Task Handle(DomainEventNotification<DealStageChanged> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return Record(e.OrganizationId, e.DealId, e.ActorId, ActivityType.StageChanged, new { from = e.From, to = e.To });
    }

    public Task Handle(DomainEventNotification<DealUpdated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return Record(e.OrganizationId, e.DealId, e.ActorId, ActivityType.DealUpdated, new { changes = e.Changes });
    }

    public Task Handle(DomainEventNotification<TaskCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return Record(e.OrganizationId, e.DealId, e.ActorId, ActivityType.TaskCreated, new { task_id = e.TaskId, title = e.Title });
    }

    public Task Handle(DomainEventNotification<TaskCompleted> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return Record(e.OrganizationId, e.DealId, e.ActorId, ActivityType.TaskCompleted, new { task_id = e.TaskId, title = e.Title });
    }

    private Task Record<T>(Guid organizationId, Guid dealId, Guid authorId, ActivityType type, T payload)
    {
        activities.Add(Activity.Record(organizationId, dealId, authorId, type, TimelineJson.Serialize(payload), clock.Next()));
        return Task.CompletedTask;
    }
}

/// <summary>Drops an organization's cached deal analytics whenever one of its deals changes.</summary>
public sealed class InvalidateDealAnalytics(ICacheInvalidations invalidations) :
    INotificationHandler<DomainEventNotification<DealCreated>>,
    INotificationHandler<DomainEventNotification<DealStatusChanged>>,
    INotificationHandler<DomainEventNotification<DealStageChanged>>,
    INotificationHandler<DomainEventNotification<DealUpdated>>,
    INotificationHandler<DomainEventNotification<DealDeleted>>
{
    public Task Handle(DomainEventNotification<DealCreated> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    public Task Handle(DomainEventNotification<DealStatusChanged> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    public Task Handle(DomainEventNotification<DealStageChanged> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    public Task Handle(DomainEventNotification<DealUpdated> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    public Task Handle(DomainEventNotification<DealDeleted> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    private Task Invalidate(Guid organizationId)
    {
        invalidations.Invalidate(organizationId, CacheTags.Deals);
        return Task.CompletedTask;
    }
}
