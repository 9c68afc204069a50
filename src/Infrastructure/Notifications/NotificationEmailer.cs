using Crm.Application.Common.Email;
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
/// Emails people their notifications once one of them is due (after the grouping window, a digest's hour or quiet
/// hours): everything of theirs still waiting goes in one email through the email outbox, those already read in the
/// app left out (and no email at all if nothing is left). Each person's waiting notifications are locked while their
/// email is written, so two instances never send the same one.
/// </summary>
internal sealed class NotificationEmailer(IServiceScopeFactory scopes, IOptionsMonitor<NotificationOptions> options, TimeProvider time)
{
    private const int PeopleAtOnce = 50;

    private const string WaitingSql =
        """
        SELECT * FROM notifications WHERE user_id = {0} AND email_due_at IS NOT NULL AND emailed_at IS NULL
         ORDER BY created_at, id FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Sends the emails due now; answers how many were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        List<Guid> people;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            people = await db.Set<Notification>().AsNoTracking()
                .Where(n => n.EmailDueAt != null && n.EmailedAt == null && n.EmailDueAt <= now)
                .Select(n => n.UserId).Distinct().Take(PeopleAtOnce).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var person in people)
        {
            if (await SendToAsync(person, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendToAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        var max = options.CurrentValue.MaxPerEmail;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var waiting = await db.Set<Notification>().FromSqlRaw(WaitingSql, userId).AsTracking().ToListAsync(ct);
            if (!waiting.Any(n => n.EmailDueAt <= now))
            {
                return false;
            }

            foreach (var notification in waiting)
            {
                notification.MarkEmailed(now);
            }

            var unread = waiting.Where(n => n.ReadAt is null).ToList();
            var recipient = await db.Set<User>().AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Email, u.Name }).SingleOrDefaultAsync(ct);
            if (unread.Count > 0 && recipient is not null)
            {
                var organizationIds = unread.Select(n => n.OrganizationId).Distinct().ToList();
                var organizations = await db.Set<Organization>().AsNoTracking().Where(o => organizationIds.Contains(o.Id))
                    .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
                outbox.Queue(EmailTemplate.Notifications, recipient.Email, new Dictionary<string, object?>
                {
                    ["name"] = recipient.Name,
                    ["single"] = unread.Count == 1,
                    ["title"] = unread[0].Title,
                    ["count"] = unread.Count,
                    ["items"] = unread.Take(max).Select(n => new Dictionary<string, object?>
                    {
                        ["title"] = n.Title,
                        ["body"] = n.Body,
                        ["organization"] = organizations.GetValueOrDefault(n.OrganizationId),
                    }).ToList(),
                    ["more"] = Math.Max(0, unread.Count - max),
                }, organizationIds.Count == 1 ? organizationIds[0] : null);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return unread.Count > 0 && recipient is not null;
        }, cancellationToken);
    }
}
