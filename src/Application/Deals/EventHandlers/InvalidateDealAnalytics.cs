using Crm.Application.Common.Caching;
using Crm.Application.Common.Events;
using Crm.Domain.Deals.Events;
using MediatR;

namespace Crm.Application.Deals.EventHandlers;

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
