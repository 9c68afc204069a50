using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

/// <summary>One field an event changed, as the API names it.</summary>
public sealed record WebhookChange(string Field, object? From, object? To);

/// <summary>
/// Queues an event for every active webhook of the organization that subscribes to it, in the current transaction:
/// it is sent after the change commits, and never if the change rolls back.
/// </summary>
public interface IWebhookOutbox
{
    /// <param name="record">The record after the change, as the API shows it (before, for a deletion).</param>
    /// <param name="recordId">The record whose deliveries keep their order.</param>
    Task PublishAsync(
        Guid organizationId, string type, ActorType actorType, Guid? actorId, Guid? recordId, object? record,
        IReadOnlyList<WebhookChange> changes, CancellationToken cancellationToken);

    /// <summary>Queues a <c>ping</c> event for one webhook; answers its delivery.</summary>
    WebhookDelivery Ping(Webhook webhook, ActorType actorType, Guid actorId);

    /// <summary>The record as the current unit of work holds it (one added in it too, before it is saved).</summary>
    Task<T?> CurrentAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : Entity;
}
