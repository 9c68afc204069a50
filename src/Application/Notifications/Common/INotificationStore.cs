namespace Crm.Application.Notifications.Common;

/// <summary>Changes many of a person's notifications at once, in the current transaction.</summary>
public interface INotificationStore
{
    /// <summary>Marks read every unread notification of the person (in one organization, made at or before a time); answers how many.</summary>
    Task<int> MarkAllReadAsync(Guid userId, Guid? organizationId, DateTime? before, DateTime now, CancellationToken cancellationToken);
}
