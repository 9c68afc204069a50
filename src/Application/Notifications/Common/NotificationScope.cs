using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Application.Notifications.Common;

/// <summary>
/// The organization a notification request narrows to, if it names one: the caller must be a member of it, as for every
/// tenant's request, though the list itself only ever holds the caller's own notifications.
/// </summary>
public static class NotificationScope
{
    public static async Task EnsureMemberAsync(IReadStore store, Guid userId, Guid? organizationId, CancellationToken cancellationToken)
    {
        if (organizationId is { } organization
            && !await store.AnyAsync(store.Query<Membership>().Where(m => m.OrganizationId == organization && m.UserId == userId), cancellationToken))
        {
            throw new ForbiddenException(ErrorCatalog.OrganizationAccessDenied);
        }
    }
}
