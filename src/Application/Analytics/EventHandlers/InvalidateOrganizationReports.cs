using Crm.Application.Common.Caching;
using Crm.Application.Common.Events;
using Crm.Domain.Organizations.Events;
using MediatR;

namespace Crm.Application.Analytics.EventHandlers;

/// <summary>
/// Drops an organization's cached reports that read its settings (the time zone buckets the trend, the stage
/// probabilities weight the forecast) or list its members (the owners report) when those change.
/// </summary>
public sealed class InvalidateOrganizationReports(ICacheInvalidations invalidations) :
    INotificationHandler<DomainEventNotification<OrganizationSettingsChanged>>,
    INotificationHandler<DomainEventNotification<MemberAdded>>,
    INotificationHandler<DomainEventNotification<MemberRemoved>>
{
    public Task Handle(DomainEventNotification<OrganizationSettingsChanged> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    public Task Handle(DomainEventNotification<MemberAdded> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    public Task Handle(DomainEventNotification<MemberRemoved> notification, CancellationToken cancellationToken) =>
        Invalidate(notification.DomainEvent.OrganizationId);

    private Task Invalidate(Guid organizationId)
    {
        invalidations.Invalidate(organizationId, CacheTags.Organization);
        return Task.CompletedTask;
    }
}
