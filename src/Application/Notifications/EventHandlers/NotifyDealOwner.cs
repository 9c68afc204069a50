using System.Text.Json;
using Crm.Application.Common.Events;
using Crm.Application.Notifications.Common;
using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.EventHandlers;

/// <summary>
/// Tells a deal's owner that someone else gave them the deal, won or lost it, or moved it to another stage. The deal is
/// read from the unit of work, so the owner is the one the change leaves.
/// </summary>
public sealed class NotifyDealOwner(INotificationOutbox outbox) :
    INotificationHandler<DomainEventNotification<DealCreated>>,
    INotificationHandler<DomainEventNotification<DealUpdated>>,
    INotificationHandler<DomainEventNotification<DealStatusChanged>>,
    INotificationHandler<DomainEventNotification<DealStageChanged>>
{
    public async Task Handle(DomainEventNotification<DealCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await NotifyOwnerAsync(e.OrganizationId, e.DealId, e.ActorId, NotificationTypes.DealAssigned, null, cancellationToken);
    }

    public async Task Handle(DomainEventNotification<DealUpdated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        if (e.Changes.Any(c => c.Field == "owner_id"))
        {
            await NotifyOwnerAsync(e.OrganizationId, e.DealId, e.ActorId, NotificationTypes.DealAssigned, null, cancellationToken);
        }
    }

    public async Task Handle(DomainEventNotification<DealStatusChanged> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        if (e.To is DealStatus.Won or DealStatus.Lost)
        {
            var type = e.To == DealStatus.Won ? NotificationTypes.DealWon : NotificationTypes.DealLost;
            await NotifyOwnerAsync(e.OrganizationId, e.DealId, e.ActorId, type, null, cancellationToken);
        }
    }

    public async Task Handle(DomainEventNotification<DealStageChanged> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        // Closing moves the stage too: the win or loss is what the owner is told.
        if (e.To != DealStage.Closed)
        {
            await NotifyOwnerAsync(
                e.OrganizationId, e.DealId, e.ActorId, NotificationTypes.DealStageChanged,
                JsonNamingPolicy.SnakeCaseLower.ConvertName(e.To.ToString()), cancellationToken);
        }
    }

    private async Task NotifyOwnerAsync(
        Guid organizationId, Guid dealId, Guid actorId, string type, string? detail, CancellationToken cancellationToken)
    {
        if (await outbox.CurrentAsync<Deal>(dealId, cancellationToken) is { } deal && deal.OwnerId != actorId)
        {
            outbox.Queue(new NotificationDraft(
                deal.OwnerId, organizationId, type, NotificationRecordTypes.Deal, dealId, actorId, deal.Title, detail));
        }
    }
}
