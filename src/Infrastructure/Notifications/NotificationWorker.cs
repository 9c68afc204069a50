using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Notifications;

/// <summary>
/// Runs the notification work on every instance: makes queued notifications, sends due emails and, once a minute,
/// the organizations' task reminders. Woken at once by a change committed on this instance; polls for the others.
/// </summary>
internal sealed class NotificationWorker(
    NotificationProcessor processor,
    NotificationEmailer emailer,
    TaskReminders reminders,
    NotificationSignal signal,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan ReminderInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Process)
        {
            return;
        }

        var nextReminders = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await processor.ProcessBatchAsync(stoppingToken) > 0)
                {
                }

                await emailer.SendDueAsync(stoppingToken);
                if (time.GetUtcNow() >= nextReminders)
                {
                    nextReminders = time.GetUtcNow() + ReminderInterval;
                    await reminders.RemindAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The notification worker failed; it tries again at its next round");
            }

            await signal.WaitAsync(options.CurrentValue.PollInterval, stoppingToken);
        }
    }
}
