using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Notifications.Common;
using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Notifications.Commands.MarkAllNotificationsRead;

/// <summary>
/// Marks read every unread notification of the signed-in person, in all their organizations or the one named, or only
/// those made at or before <see cref="Before"/> (what the client has shown, so that one arriving meanwhile stays unread).
/// </summary>
[Authorize]
[NoValidator("Its inputs are an optional timestamp and the organization header, both parsed by the endpoint.")]
[AuditAction("read_all_notifications")]
public sealed record MarkAllNotificationsReadCommand(DateTime? Before = null, Guid? OrganizationId = null) : ICommand<MarkedReadDto>;

public sealed class MarkAllNotificationsReadCommandHandler(
    INotificationStore notifications,
    IReadStore store,
    IRequestContext context,
    TimeProvider time,
    ITransactionOutcome outcome,
    INotificationDelivery delivery)
    : IRequestHandler<MarkAllNotificationsReadCommand, MarkedReadDto>
{
    public async Task<MarkedReadDto> Handle(MarkAllNotificationsReadCommand request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        await NotificationScope.EnsureMemberAsync(store, userId, request.OrganizationId, cancellationToken);
        var before = request.Before is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null;
        var marked = await notifications.MarkAllReadAsync(userId, request.OrganizationId, before, time.UtcNow(), cancellationToken);
        if (marked > 0)
        {
            outcome.AfterCommit(ct => delivery.UnreadCountChangedAsync(userId, ct));
        }

        return new MarkedReadDto(marked);
    }
}
