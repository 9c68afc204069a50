using Crm.Application.Common.Transactions;
using Crm.Application.Notifications.Common;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Infrastructure.Data;

namespace Crm.Infrastructure.Notifications;

/// <summary>Writes queued notifications into the current unit of work, and wakes the processor once it commits.</summary>
internal sealed class NotificationOutbox(CrmDbContext db, TimeProvider time, ITransactionOutcome outcome, NotificationSignal signal)
    : INotificationOutbox
{
    public void Queue(NotificationDraft draft)
    {
        if (draft.ActorId == draft.UserId)
        {
            return;
        }

        db.Add(PendingNotification.Queue(
            draft.UserId, draft.OrganizationId, draft.Type, draft.RecordType, draft.RecordId, draft.ActorId, draft.Subject, draft.Detail,
            time.UtcNow()));
        outcome.AfterCommit(_ =>
        {
            signal.Wake();
            return Task.CompletedTask;
        });
    }

    public async Task<T?> CurrentAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : Entity =>
        await db.Set<T>().FindAsync([id], cancellationToken);
}
