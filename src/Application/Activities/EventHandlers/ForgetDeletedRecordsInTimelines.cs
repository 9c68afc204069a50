using Crm.Application.Activities.Common;
using Crm.Application.Common.Events;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Activities;
using Crm.Domain.Companies.Events;
using Crm.Domain.Contacts.Events;
using MediatR;

namespace Crm.Application.Activities.EventHandlers;

/// <summary>
/// As a contact or a company is deleted, the entries left on no other timeline go with it; the others (a deal's, or an
/// activity logged on several records) stay and forget it.
/// </summary>
public sealed class ForgetDeletedRecordsInTimelines(IRepository<Activity> activities) :
    INotificationHandler<DomainEventNotification<ContactDeleted>>,
    INotificationHandler<DomainEventNotification<CompanyDeleted>>
{
    public Task Handle(DomainEventNotification<ContactDeleted> notification, CancellationToken cancellationToken) =>
        ForgetAsync(notification.DomainEvent.OrganizationId, notification.DomainEvent.ContactId, cancellationToken);

    public Task Handle(DomainEventNotification<CompanyDeleted> notification, CancellationToken cancellationToken) =>
        ForgetAsync(notification.DomainEvent.OrganizationId, notification.DomainEvent.CompanyId, cancellationToken);

    private async Task ForgetAsync(Guid organizationId, Guid recordId, CancellationToken cancellationToken)
    {
        foreach (var entry in await activities.ListAsync(new EntriesOfRecordSpecification(organizationId, recordId), cancellationToken))
        {
            entry.Unlink(recordId);
            if (entry.DealId is null && entry.ContactId is null && entry.CompanyId is null)
            {
                activities.Remove(entry);
            }
        }
    }
}
