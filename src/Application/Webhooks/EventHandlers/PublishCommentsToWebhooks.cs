using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Events;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Activities;
using Crm.Domain.Activities.Events;
using MediatR;

namespace Crm.Application.Webhooks.EventHandlers;

/// <summary>Announces comments on deals' timelines as <c>comment.created</c>, with the entry as the timeline shows it.</summary>
public sealed class PublishCommentsToWebhooks(IWebhookOutbox outbox, IMapper mapper, IRequestContext context) :
    INotificationHandler<DomainEventNotification<CommentAdded>>
{
    public async Task Handle(DomainEventNotification<CommentAdded> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        var comment = await outbox.CurrentAsync<Activity>(e.ActivityId, cancellationToken);
        await outbox.PublishAsync(
            e.OrganizationId, "comment.created", context.ActorTypeOf(e.AuthorId), e.AuthorId, e.ActivityId,
            comment is null ? null : mapper.Map<ActivityDto>(comment), [], cancellationToken);
    }
}
