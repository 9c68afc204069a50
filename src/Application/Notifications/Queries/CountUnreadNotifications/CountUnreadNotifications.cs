using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Notifications.Common;
using MediatR;

namespace Crm.Application.Notifications.Queries.CountUnreadNotifications;

/// <summary>How many of the signed-in person's notifications are unread, in all their organizations or the one named.</summary>
[Authorize]
[NoValidator("Its only input is the optional organization header, which the endpoint parses as a UUID.")]
public sealed record CountUnreadNotificationsQuery(Guid? OrganizationId = null) : IQuery<UnreadCountDto>;

public sealed class CountUnreadNotificationsQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<CountUnreadNotificationsQuery, UnreadCountDto>
{
    public async Task<UnreadCountDto> Handle(CountUnreadNotificationsQuery request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        await NotificationScope.EnsureMemberAsync(store, userId, request.OrganizationId, cancellationToken);
        return new UnreadCountDto(await store.CountAsync(
            store.Query(new NotificationsOfUserSpecification(userId, request.OrganizationId, unreadOnly: true)), cancellationToken));
    }
}
