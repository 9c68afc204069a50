namespace Crm.Domain.Notifications;

/// <summary>What a notification tells its recipient; the values are the API's <c>type</c>.</summary>
public static class NotificationTypes
{
    public const string TaskAssigned = "task_assigned";
    public const string TaskDueToday = "task_due_today";
    public const string TaskOverdue = "task_overdue";
    public const string DealAssigned = "deal_assigned";
    public const string ContactAssigned = "contact_assigned";
    public const string DealWon = "deal_won";
    public const string DealLost = "deal_lost";
    public const string DealStageChanged = "deal_stage_changed";
    public const string Mentioned = "mentioned";
    public const string DealCommented = "deal_commented";
    public const string InvitationReceived = "invitation_received";
    public const string ExportFinished = "export_finished";
    public const string ImportFinished = "import_finished";
    public const string WebhookDeactivated = "webhook_deactivated";

    /// <summary>Every type, in the order the preferences list them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TaskAssigned, TaskDueToday, TaskOverdue, DealAssigned, ContactAssigned, DealWon, DealLost, DealStageChanged,
        Mentioned, DealCommented, InvitationReceived, ExportFinished, ImportFinished, WebhookDeactivated,
    ];

    /// <summary>
    /// Types emailed unless the recipient turns them off: what asks the person to act. Deal outcomes and stage moves are
    /// frequent and informational; exports and webhook deactivations send their own detailed emails already.
    /// </summary>
    public static IReadOnlySet<string> EmailedByDefault { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TaskAssigned, TaskDueToday, TaskOverdue, DealAssigned, ContactAssigned, Mentioned, DealCommented, InvitationReceived,
        ImportFinished,
    };

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
