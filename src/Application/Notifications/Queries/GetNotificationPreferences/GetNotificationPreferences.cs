using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.Queries.GetNotificationPreferences;

/// <summary>The signed-in person's notification preferences; the defaults until they choose.</summary>
[Authorize]
[NoValidator("It has no input.")]
public sealed record GetNotificationPreferencesQuery : IQuery<NotificationPreferencesDto>;

public sealed class GetNotificationPreferencesQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<GetNotificationPreferencesQuery, NotificationPreferencesDto>
{
    public async Task<NotificationPreferencesDto> Handle(GetNotificationPreferencesQuery request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var preferences = await store.FirstOrDefaultAsync(
            store.Query<NotificationPreferences>().Where(p => p.Id == userId), cancellationToken);
        return NotificationPreferencesDto.Of(preferences ?? NotificationPreferences.Default(userId));
    }
}
