using Crm.Application.Common.Events;
using Crm.Application.Notifications.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.EventHandlers;

/// <summary>Tells a person that someone else gave them a contact, on creation or by a change of owner.</summary>
public sealed class NotifyContactOwner(INotificationOutbox outbox) :
    INotificationHandler<DomainEventNotification<ContactCreated>>,
    INotificationHandler<DomainEventNotification<ContactUpdated>>
{
    public Task Handle(DomainEventNotification<ContactCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return NotifyOwnerAsync(e.OrganizationId, e.ContactId, e.ActorId, cancellationToken);
    }

    public async Task Handle(DomainEventNotification<ContactUpdated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        if (e.Changes.Any(c => c.Field == "owner_id"))
        {
            await NotifyOwnerAsync(e.OrganizationId, e.ContactId, e.ActorId, cancellationToken);
        }
    }

    private async Task NotifyOwnerAsync(Guid organizationId, Guid contactId, Guid actorId, CancellationToken cancellationToken)
    {
        if (await outbox.CurrentAsync<Contact>(contactId, cancellationToken) is { } contact && contact.OwnerId != actorId)
        {
            outbox.Queue(new NotificationDraft(
                contact.OwnerId, organizationId, NotificationTypes.ContactAssigned, NotificationRecordTypes.Contact, contactId,
                actorId, contact.Name));
        }
    }
}
