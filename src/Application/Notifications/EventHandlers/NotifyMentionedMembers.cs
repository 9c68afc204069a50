using Crm.Application.Common.Events;
using Crm.Application.Notifications.Common;
using Crm.Domain.Activities;
using Crm.Domain.Activities.Events;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.EventHandlers;

/// <summary>
/// Tells the members a new comment or note mentions (its author excepted), quoting its beginning, about the record it is
/// on. Editing a note mentions nobody anew.
/// </summary>
public sealed class NotifyMentionedMembers(INotificationOutbox outbox) :
    INotificationHandler<DomainEventNotification<CommentAdded>>,
    INotificationHandler<DomainEventNotification<ActivityLogged>>
{
    public Task Handle(DomainEventNotification<CommentAdded> notification, CancellationToken cancellationToken) =>
        NotifyAsync(notification.DomainEvent.ActivityId, cancellationToken);

    public Task Handle(DomainEventNotification<ActivityLogged> notification, CancellationToken cancellationToken) =>
        NotifyAsync(notification.DomainEvent.ActivityId, cancellationToken);

    private async Task NotifyAsync(Guid activityId, CancellationToken cancellationToken)
    {
        if (await outbox.CurrentAsync<Activity>(activityId, cancellationToken) is not { Mentions.Length: > 0 } activity)
        {
            return;
        }

        var (recordType, recordId) = activity switch
        {
            { DealId: { } deal } => (NotificationRecordTypes.Deal, deal),
            { ContactId: { } contact } => (NotificationRecordTypes.Contact, contact),
            { CompanyId: { } company } => (NotificationRecordTypes.Company, company),
            _ => ((string?)null, (Guid?)null),
        };
        var excerpt = ActivityExcerpt.Of(activity);
        foreach (var member in activity.Mentions.Where(m => m != activity.AuthorId))
        {
            outbox.Queue(new NotificationDraft(
                member, activity.OrganizationId, NotificationTypes.Mentioned, recordType, recordId, activity.AuthorId, null, excerpt));
        }
    }
}
