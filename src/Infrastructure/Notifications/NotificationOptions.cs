using System.ComponentModel.DataAnnotations;

namespace Crm.Infrastructure.Notifications;

/// <summary>Settings of the <c>Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Whether this instance makes notifications, sends their emails and reminds of tasks; every instance may.</summary>
    public bool Process { get; set; } = true;

    /// <summary>How often each instance looks for work committed on other instances; this instance's own wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Queued notifications made in one transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long an email waits for more notifications of the same person, to send them as one.</summary>
    public TimeSpan GroupingWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many notifications are listed in one email; the rest are counted.</summary>
    public int MaxPerEmail { get; set; } = 20;

    /// <summary>The hour of the organization's day from which its due and overdue task reminders go out.</summary>
    [Range(0, 23)]
    public int ReminderHour { get; set; } = 8;

    /// <summary>How long notifications are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
