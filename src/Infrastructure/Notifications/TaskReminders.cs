using Crm.Application.Notifications.Common;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Notifications;

/// <summary>
/// Once a day per organization, from <see cref="NotificationOptions.ReminderHour"/> of its own day: tells each assignee of
/// an open task due that day (<c>task_due_today</c>) and of one due the day before, now overdue (<c>task_overdue</c>).
/// The day's row in <c>task_reminder_runs</c> is inserted in the same transaction as the reminders: only the instance
/// whose insert succeeds sends them, however many run.
/// </summary>
internal sealed class TaskReminders(IServiceScopeFactory scopes, IOptionsMonitor<NotificationOptions> options, TimeProvider time)
{
    private const string ClaimDaySql =
        "INSERT INTO task_reminder_runs (organization_id, day, ran_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING";

    /// <summary>Sends the reminders of every organization whose morning has come; answers for how many organizations.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<(Guid Id, DateOnly Day)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var organizations = await db.Set<Organization>().AsNoTracking()
                .Select(o => new
                {
                    o.Id,
                    o.TimeZone,
                    Last = db.Set<TaskReminderRun>().Where(r => r.OrganizationId == o.Id).Max(r => (DateOnly?)r.Day),
                })
                .ToListAsync(cancellationToken);
            due = organizations
                .Select(o => (o.Id, Local: LocalTime(o.TimeZone, now), o.Last))
                .Where(o => o.Local.Hour >= options.CurrentValue.ReminderHour && (o.Last is null || o.Last < DateOnly.FromDateTime(o.Local)))
                .Select(o => (o.Id, DateOnly.FromDateTime(o.Local)))
                .ToList();
        }

        var reminded = 0;
        foreach (var (organizationId, day) in due)
        {
            if (await RemindAsync(organizationId, day, cancellationToken))
            {
                reminded++;
            }
        }

        return reminded;
    }

    /// <summary>Sends one organization's reminders of one day, unless they were sent; answers whether this call sent them.</summary>
    public async Task<bool> RemindAsync(Guid organizationId, DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var signal = scope.ServiceProvider.GetRequiredService<NotificationSignal>();
        var sent = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.UtcNow();
            if (await db.Database.ExecuteSqlRawAsync(ClaimDaySql, [organizationId, day, now], ct) == 0)
            {
                return false;
            }

            var yesterday = day.AddDays(-1);
            var tasks = await db.Set<DealTask>().IgnoreQueryFilters().AsNoTracking()
                .Where(t => t.OrganizationId == organizationId && !t.IsDone && t.AssigneeId != null
                    && (t.DueDate == day || t.DueDate == yesterday))
                .Select(t => new { t.Id, t.Title, t.DueDate, Assignee = t.AssigneeId!.Value })
                .ToListAsync(ct);
            foreach (var task in tasks)
            {
                db.Add(PendingNotification.Queue(
                    task.Assignee, organizationId, task.DueDate == day ? NotificationTypes.TaskDueToday : NotificationTypes.TaskOverdue,
                    NotificationRecordTypes.Task, task.Id, null, task.Title, null, now));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
        if (sent)
        {
            signal.Wake();
        }

        return sent;
    }

    private static DateTime LocalTime(string timeZone, DateTimeOffset utc) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(utc, zone).DateTime : utc.UtcDateTime;
}
