using Crm.Application.Activities.Common;
using Crm.Application.Common.Events;
using Crm.Domain.Companies.Events;
using Crm.Domain.Contacts.Events;
using MediatR;

namespace Crm.Application.Activities.EventHandlers;

/// <summary>Writes contacts' and companies' own timelines (created, fields changed), in the same transaction as the change.</summary>
public sealed class RecordContactAndCompanyChangesInTimeline(TimelineWriter timeline) :
    INotificationHandler<DomainEventNotification<ContactCreated>>,
    INotificationHandler<DomainEventNotification<ContactUpdated>>,
    INotificationHandler<DomainEventNotification<CompanyCreated>>,
    INotificationHandler<DomainEventNotification<CompanyUpdated>>
{
    public Task Handle(DomainEventNotification<ContactCreated> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<ContactUpdated> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<CompanyCreated> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);

    public Task Handle(DomainEventNotification<CompanyUpdated> notification, CancellationToken cancellationToken) => timeline.WriteAsync(notification.DomainEvent, cancellationToken);
}
