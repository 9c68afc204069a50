using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Notifications;

namespace Crm.Application.Notifications.Common;

/// <summary>A person's notifications shown in the app, newest first: of one organization or all, unread only or all.</summary>
public sealed class NotificationsOfUserSpecification : Specification<Notification>
{
    public NotificationsOfUserSpecification(Guid userId, Guid? organizationId, bool unreadOnly, bool tracked = false)
    {
        Query.Where(n => n.UserId == userId && n.InApp).OrderBy(SortOrder.Desc, n => n.CreatedAt, n => n.Id);
        if (!tracked)
        {
            Query.AsNoTracking();
        }

        if (organizationId is { } organization)
        {
            Query.Where(n => n.OrganizationId == organization);
        }

        if (unreadOnly)
        {
            Query.Where(n => n.ReadAt == null);
        }
    }
}
