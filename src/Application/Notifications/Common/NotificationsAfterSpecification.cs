using Ardalis.Specification;
using Crm.Domain.Notifications;

namespace Crm.Application.Notifications.Common;

/// <summary>A person's notifications shown in the app stored after a stream cursor, oldest first: of one organization or all.</summary>
public sealed class NotificationsAfterSpecification : Specification<Notification>
{
    public NotificationsAfterSpecification(Guid userId, Guid? organizationId, long after, int take)
    {
        Query.Where(n => n.UserId == userId && n.InApp && n.Sequence > after).OrderBy(n => n.Sequence).Take(take).AsNoTracking();
        if (organizationId is { } organization)
        {
            Query.Where(n => n.OrganizationId == organization);
        }
    }
}
