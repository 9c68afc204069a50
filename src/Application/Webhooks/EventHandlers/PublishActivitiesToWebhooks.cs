using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Events;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Activities;
using Crm.Domain.Activities.Events;
using MediatR;

namespace Crm.Application.Webhooks.EventHandlers;

/// <summary>
/// Announces logged activities as <c>activity.created</c>, <c>activity.updated</c> and <c>activity.deleted</c> (a
/// deleted comment too), with the entry as the feed shows it.
/// </summary>
public sealed class PublishActivitiesToWebhooks(IWebhookOutbox outbox, IMapper mapper, IRequestContext context) :
    INotificationHandler<DomainEventNotification<ActivityLogged>>,
    INotificationHandler<DomainEventNotification<ActivityEdited>>,
    INotificationHandler<DomainEventNotification<ActivityDeleted>>
{
    public Task Handle(DomainEventNotification<ActivityLogged> notification, CancellationToken cancellationToken) =>
        PublishAsync(notification.DomainEvent.OrganizationId, "activity.created", notification.DomainEvent.ActorId, notification.DomainEvent.ActivityId, cancellationToken);

    public Task Handle(DomainEventNotification<ActivityEdited> notification, CancellationToken cancellationToken) =>
        PublishAsync(notification.DomainEvent.OrganizationId, "activity.updated", notification.DomainEvent.ActorId, notification.DomainEvent.ActivityId, cancellationToken);

    public Task Handle(DomainEventNotification<ActivityDeleted> notification, CancellationToken cancellationToken) =>
        PublishAsync(notification.DomainEvent.OrganizationId, "activity.deleted", notification.DomainEvent.ActorId, notification.DomainEvent.ActivityId, cancellationToken);

    private async Task PublishAsync(Guid organizationId, string type, Guid actorId, Guid activityId, CancellationToken ct)
    {
        var activity = await outbox.CurrentAsync<Activity>(activityId, ct);
        await outbox.PublishAsync(
            organizationId, type, context.ActorTypeOf(actorId), actorId, activityId,
            activity is null ? null : mapper.Map<ActivityDto>(activity), [], ct);
    }
}
