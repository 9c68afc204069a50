using Crm.Domain.Common;

namespace Crm.Application.Notifications.Common;

/// <summary>
/// Queues notifications in the current unit of work: they are made after the change that causes them commits, and
/// never if it rolls back. A draft for the person who caused it is dropped: nobody is told of their own actions.
/// </summary>
public interface INotificationOutbox
{
    void Queue(NotificationDraft draft);

    /// <summary>The entity as the unit of work holds it (changes not yet saved included); null if it does not exist.</summary>
    Task<T?> CurrentAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : Entity;
}
