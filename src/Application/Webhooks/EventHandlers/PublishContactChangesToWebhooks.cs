using AutoMapper;
using Crm.Application.Common.Events;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.Contacts.Common;
using Crm.Application.Tasks.Common;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using MediatR;

namespace Crm.Application.Webhooks.EventHandlers;

/// <summary>Turns contacts' events into webhook events, in the transaction of the change.</summary>
public sealed class PublishContactChangesToWebhooks(IWebhookOutbox outbox, IReadStore store, IMapper mapper, IRequestContext context) :
    INotificationHandler<DomainEventNotification<ContactCreated>>,
    INotificationHandler<DomainEventNotification<ContactUpdated>>,
    INotificationHandler<DomainEventNotification<ContactDeleted>>,
    INotificationHandler<DomainEventNotification<ContactErased>>
{
    public Task Handle(DomainEventNotification<ContactCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return PublishAsync(e.OrganizationId, "contact.created", e.ActorId, e.ContactId, [], cancellationToken);
    }

    public Task Handle(DomainEventNotification<ContactUpdated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return PublishAsync(
            e.OrganizationId, "contact.updated", e.ActorId, e.ContactId,
            e.Changes.Select(c => new WebhookChange(c.Field, c.From, c.To)).ToList(), cancellationToken);
    }

    /// <summary>
    /// An erasure is a <c>contact.updated</c>, so that every subscriber that keeps a copy of contacts hears of it; each
    /// erased field's old value reads <c>[erased]</c>.
    /// </summary>
    public Task Handle(DomainEventNotification<ContactErased> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return PublishAsync(
            e.OrganizationId, "contact.updated", e.ActorId, e.ContactId,
            e.Fields.Select(f => new WebhookChange(f, Contact.ErasedValue, f == "name" ? Contact.ErasedName : null)).ToList(), cancellationToken);
    }

    public async Task Handle(DomainEventNotification<ContactDeleted> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;

        // The contact's tasks go with it: each is announced as deleted, as a deal's are.
        var tasks = await store.ToListAsync(store.Query(new TasksOfContactSpecification(e.ContactId)), cancellationToken);
        foreach (var task in tasks)
        {
            await outbox.PublishAsync(
                e.OrganizationId, "task.deleted", context.ActorTypeOf(e.ActorId), e.ActorId, task.Id, mapper.Map<TaskDto>(task), [],
                cancellationToken);
        }

        await PublishAsync(e.OrganizationId, "contact.deleted", e.ActorId, e.ContactId, [], cancellationToken);
    }

    private async Task PublishAsync(
        Guid organizationId, string type, Guid actorId, Guid contactId, IReadOnlyList<WebhookChange> changes, CancellationToken ct)
    {
        var contact = await outbox.CurrentAsync<Contact>(contactId, ct);
        await outbox.PublishAsync(
            organizationId, type, context.ActorTypeOf(actorId), actorId, contactId,
            contact is null ? null : mapper.Map<ContactDto>(contact), changes, ct);
    }
}
