using AutoMapper;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Notifications.Common;
using MediatR;

namespace Crm.Application.Notifications.Queries.ListNotifications;

/// <summary>
/// The signed-in person's own notifications, newest first, across all their organizations or in the one named; unread
/// only on request. Pages by cursor (or page number).
/// </summary>
[Authorize]
public sealed record ListNotificationsQuery(
    bool Unread = false, Guid? OrganizationId = null, int Page = 1, int PageSize = Paging.DefaultPageSize, string? Cursor = null)
    : IQuery<PagedList<NotificationDto>>, IPagedRequest;

public sealed class ListNotificationsQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<ListNotificationsQuery, PagedList<NotificationDto>>
{
    public async Task<PagedList<NotificationDto>> Handle(ListNotificationsQuery request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        await NotificationScope.EnsureMemberAsync(store, userId, request.OrganizationId, cancellationToken);
        var page = await store.ToPageAsync(
            store.Query(new NotificationsOfUserSpecification(userId, request.OrganizationId, request.Unread)), request, SortOrder.Desc,
            cancellationToken);
        return new PagedList<NotificationDto>(mapper.Map<List<NotificationDto>>(page.Items), page.Page, page.PageSize, page.Total)
        {
            NextCursor = page.NextCursor,
        };
    }
}
