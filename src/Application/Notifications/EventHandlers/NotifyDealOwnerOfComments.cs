using Crm.Application.Common.Events;
using Crm.Application.Notifications.Common;
using Crm.Domain.Activities;
using Crm.Domain.Activities.Events;
using Crm.Domain.Deals;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.EventHandlers;

/// <summary>
/// Tells a deal's owner that someone else commented on it; an owner the comment mentions is told once, of the mention.
/// </summary>
public sealed class NotifyDealOwnerOfComments(INotificationOutbox outbox) : INotificationHandler<DomainEventNotification<CommentAdded>>
{
    public async Task Handle(DomainEventNotification<CommentAdded> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        var deal = await outbox.CurrentAsync<Deal>(e.DealId, cancellationToken);
        var comment = await outbox.CurrentAsync<Activity>(e.ActivityId, cancellationToken);
        if (deal is null || comment is null || deal.OwnerId == e.AuthorId || comment.Mentions.Contains(deal.OwnerId))
        {
            return;
        }

        outbox.Queue(new NotificationDraft(
            deal.OwnerId, e.OrganizationId, NotificationTypes.DealCommented, NotificationRecordTypes.Deal, deal.Id, e.AuthorId,
            deal.Title, ActivityExcerpt.Of(comment)));
    }
}
