using AutoMapper;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.Queries.ReadNotificationStream;

/// <summary>
/// What the signed-in person's notification stream sends next: the notifications stored after <see cref="After"/>, oldest
/// first (at most <see cref="Take"/>), in all their organizations or the one named. Without a cursor, none, and the cursor
/// of the newest one stored: a new stream starts from now.
/// </summary>
[Authorize]
public sealed record ReadNotificationStreamQuery(long? After, Guid? OrganizationId = null, int Take = ReadNotificationStreamQuery.MaxTake)
    : IQuery<NotificationStreamPage>
{
    public const int MaxTake = 100;
}

public sealed class ReadNotificationStreamQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<ReadNotificationStreamQuery, NotificationStreamPage>
{
    public async Task<NotificationStreamPage> Handle(ReadNotificationStreamQuery request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        await NotificationScope.EnsureMemberAsync(store, userId, request.OrganizationId, cancellationToken);
        if (request.After is not { } after)
        {
            var latest = await store.FirstOrDefaultAsync(
                store.Query<Notification>().Where(n => n.UserId == userId && n.InApp).OrderByDescending(n => n.Sequence).Select(n => (long?)n.Sequence),
                cancellationToken);
            return new NotificationStreamPage([], latest ?? 0);
        }

        var rows = await store.ToListAsync(
            store.Query(new NotificationsAfterSpecification(userId, request.OrganizationId, after, request.Take)), cancellationToken);
        return new NotificationStreamPage(
            rows.Select(n => new StreamedNotification(n.Sequence, mapper.Map<NotificationDto>(n))).ToList(),
            rows.Count > 0 ? rows[^1].Sequence : after);
    }
}
