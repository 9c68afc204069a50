using AutoMapper;
using Crm.Application.Common.Events;
using Crm.Application.Common.Security;
using Crm.Application.Companies.Common;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Companies;
using Crm.Domain.Companies.Events;
using MediatR;

namespace Crm.Application.Webhooks.EventHandlers;

/// <summary>Turns companies' events into webhook events, in the transaction of the change.</summary>
public sealed class PublishCompanyChangesToWebhooks(IWebhookOutbox outbox, IMapper mapper, IRequestContext context) :
    INotificationHandler<DomainEventNotification<CompanyCreated>>,
    INotificationHandler<DomainEventNotification<CompanyUpdated>>,
    INotificationHandler<DomainEventNotification<CompanyDeleted>>
{
    public Task Handle(DomainEventNotification<CompanyCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return PublishAsync(e.OrganizationId, "company.created", e.ActorId, e.CompanyId, [], cancellationToken);
    }

    public Task Handle(DomainEventNotification<CompanyUpdated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return PublishAsync(
            e.OrganizationId, "company.updated", e.ActorId, e.CompanyId,
            e.Changes.Select(c => new WebhookChange(c.Field, c.From, c.To)).ToList(), cancellationToken);
    }

    public Task Handle(DomainEventNotification<CompanyDeleted> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        return PublishAsync(e.OrganizationId, "company.deleted", e.ActorId, e.CompanyId, [], cancellationToken);
    }

    private async Task PublishAsync(
        Guid organizationId, string type, Guid actorId, Guid companyId, IReadOnlyList<WebhookChange> changes, CancellationToken ct)
    {
        var company = await outbox.CurrentAsync<Company>(companyId, ct);
        await outbox.PublishAsync(
            organizationId, type, context.ActorTypeOf(actorId), actorId, companyId,
            company is null ? null : mapper.Map<CompanyDto>(company), changes, ct);
    }
}
