using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Notifications;

internal sealed class NotificationStore(CrmDbContext db) : INotificationStore
{
    public Task<int> MarkAllReadAsync(
        Guid userId, Guid? organizationId, DateTime? before, DateTime now, CancellationToken cancellationToken) =>
        db.Set<Notification>()
            .Where(n => n.UserId == userId && n.InApp && n.ReadAt == null)
            .Where(n => organizationId == null || n.OrganizationId == organizationId)
            .Where(n => before == null || n.CreatedAt <= before)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
}
