using Crm.Application.Notifications.Common;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Notifications;

/// <summary>
/// Turns queued notifications into notifications, by their recipients' preferences. Each batch is claimed with FOR UPDATE
/// SKIP LOCKED, made and deleted from the queue in one transaction: processors on several instances never take the same
/// one, and one that stops mid-way leaves its batch to the next. Made notifications are handed to
/// <see cref="INotificationDelivery"/> once they have committed.
/// </summary>
internal sealed class NotificationProcessor(
    IServiceScopeFactory scopes, INotificationDelivery delivery, IOptionsMonitor<NotificationOptions> options, TimeProvider time)
{
    /// <summary>The transaction lock under which notifications are written.</summary>
    private const long SequenceLockKey = 0x43524D2D4E534551; // "CRM-NSEQ"

    private const string ClaimSql =
        "SELECT * FROM pending_notifications ORDER BY created_at, id LIMIT {0} FOR UPDATE SKIP LOCKED";

    /// <summary>Makes one batch; answers how many queued notifications it took.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var settings = options.CurrentValue;
        var made = new List<StoredNotification>();
        var claimedCount = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            made.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<PendingNotification>().FromSqlRaw(ClaimSql, settings.BatchSize).AsTracking().ToListAsync(ct);
            if (claimed.Count == 0)
            {
                return 0;
            }

            var now = time.UtcNow();
            var userIds = claimed.Select(c => c.UserId).Distinct().ToList();
            var organizationIds = claimed.Select(c => c.OrganizationId).Distinct().ToList();
            var actorIds = claimed.Where(c => c.ActorId is not null).Select(c => c.ActorId!.Value).Distinct().ToList();
            var members = (await db.Set<Membership>().AsNoTracking()
                    .Where(m => userIds.Contains(m.UserId) && organizationIds.Contains(m.OrganizationId))
                    .Select(m => new { m.OrganizationId, m.UserId })
                    .ToListAsync(ct))
                .Select(m => (m.OrganizationId, m.UserId)).ToHashSet();
            var names = await db.Set<User>().AsNoTracking().Where(u => actorIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var preferences = await db.Set<NotificationPreferences>().AsNoTracking().Where(p => userIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, ct);

            foreach (var pending in claimed)
            {
                db.Remove(pending);

                // Someone who left the organization meanwhile learns nothing more of it; an invitation goes to a non-member.
                if (pending.Type != NotificationTypes.InvitationReceived && !members.Contains((pending.OrganizationId, pending.UserId)))
                {
                    continue;
                }

                var choice = preferences.GetValueOrDefault(pending.UserId) ?? NotificationPreferences.Default(pending.UserId);
                var channels = choice.ChannelsOf(pending.Type);
                if (!channels.InApp && !channels.Email)
                {
                    continue;
                }

                var actorName = pending.ActorId is { } actor ? names.GetValueOrDefault(actor) : null;
                var (title, body) = NotificationText.Compose(pending.Type, actorName, pending.Subject, pending.Detail);
                var notification = Notification.Create(
                    pending.Id, pending.UserId, pending.OrganizationId, pending.Type, title, body, pending.RecordType, pending.RecordId,
                    pending.ActorId, actorName, channels.InApp, channels.Email ? choice.EmailDueAt(now, settings.GroupingWindow) : null, pending.CreatedAt);
                db.Add(notification);
                if (notification.InApp)
                {
                    made.Add(new StoredNotification(notification.UserId, Dto(notification)));
                }
            }

            // Stream cursors are given as the rows are written: under one lock held until commit, they commit in their
            // own order, so a stream resuming after a cursor never skips one that committed later with a smaller cursor.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SequenceLockKey})", ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return claimed.Count;
        }, cancellationToken);

        if (made.Count > 0)
        {
            await delivery.DeliverAsync(made, cancellationToken);
        }

        return claimedCount;
    }

    public static NotificationDto Dto(Notification n) => new(
        n.Id, n.Type, n.Title, n.Body,
        n.RecordType is { } type && n.RecordId is { } id ? new NotificationRecordDto(type, id) : null,
        n.ActorId is { } actor ? new NotificationActorDto(actor, n.ActorName ?? string.Empty) : null,
        n.OrganizationId, n.CreatedAt, n.ReadAt);
}
