namespace Crm.Domain.Notifications;

/// <summary>
/// That an organization's tasks were reminded of on one of its days: the one row per (organization, day) that lets
/// exactly one instance send that day's reminders.
/// </summary>
public sealed class TaskReminderRun
{
    private TaskReminderRun()
    {
    }

    public Guid OrganizationId { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTime RanAt { get; private set; }
}
