using AutoMapper;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Notifications.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.Commands.MarkNotificationRead;

/// <summary>Marks one of the signed-in person's notifications read; anyone else's is not found. Reading it again changes nothing.</summary>
[Authorize]
[NoValidator("Its only input is the notification id in the path, which routing accepts as a UUID only.")]
[AuditAction("read_notification")]
public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand<NotificationDto>;

public sealed class MarkNotificationReadCommandHandler(
    IRepository<Notification> notifications,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    ITransactionOutcome outcome,
    INotificationDelivery delivery)
    : IRequestHandler<MarkNotificationReadCommand, NotificationDto>
{
    public async Task<NotificationDto> Handle(MarkNotificationReadCommand request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var notification = await notifications.FindAsync(request.NotificationId, cancellationToken);
        if (notification is null || notification.UserId != userId || !notification.InApp)
        {
            throw new NotFoundException(ErrorCatalog.NotificationNotFound);
        }

        if (notification.ReadAt is null)
        {
            notification.MarkRead(time.UtcNow());
            outcome.AfterCommit(ct => delivery.UnreadCountChangedAsync(userId, ct));
        }

        return mapper.Map<NotificationDto>(notification);
    }
}
