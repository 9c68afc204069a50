using Crm.Domain.Notifications;

namespace Crm.Application.Notifications.Common;

/// <summary>The words of a notification: its title and body, from its type, its actor's name and what it is about.</summary>
public static class NotificationText
{
    public static (string Title, string Body) Compose(string type, string? actorName, string? subject, string? detail)
    {
        var actor = string.IsNullOrWhiteSpace(actorName) ? "Someone" : actorName;
        var about = subject ?? string.Empty;
        return type switch
        {
            NotificationTypes.TaskAssigned => ($"{actor} assigned you a task", about),
            NotificationTypes.TaskDueToday => ("A task of yours is due today", about),
            NotificationTypes.TaskOverdue => ("A task of yours is overdue", about),
            NotificationTypes.DealAssigned => ($"{actor} assigned you a deal", about),
            NotificationTypes.ContactAssigned => ($"{actor} assigned you a contact", about),
            NotificationTypes.DealWon => ($"{actor} marked your deal as won", about),
            NotificationTypes.DealLost => ($"{actor} marked your deal as lost", about),
            NotificationTypes.DealStageChanged => ($"{actor} moved your deal to {detail}", about),
            NotificationTypes.Mentioned => ($"{actor} mentioned you", detail ?? string.Empty),
            NotificationTypes.DealCommented => ($"{actor} commented on your deal {about}", detail ?? string.Empty),
            NotificationTypes.InvitationReceived => ($"{actor} invited you to {about}", $"Join as {detail}: accept or decline it among your invitations."),
            NotificationTypes.ExportFinished => ("Your export is ready", $"{about} ({detail})"),
            NotificationTypes.ImportFinished => ("Your import has finished", $"{about}: {detail}"),
            NotificationTypes.WebhookDeactivated => ("A webhook was turned off", $"{about}: {detail}"),
            _ => (type, about),
        };
    }
}
