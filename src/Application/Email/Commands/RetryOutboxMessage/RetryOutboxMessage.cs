using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Email;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Email.Commands.RetryOutboxMessage;

/// <summary>Queues one of the organization's failed emails again (owner, admin).</summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the email's id in the path, which routing accepts as a UUID only.")]
[AuditAction("retry_outbox_message")]
public sealed record RetryOutboxMessageCommand(Guid Id) : ICommand<Unit>, IOrganizationScoped;

public sealed class RetryOutboxMessageCommandHandler(
    IRepository<OutboxMessage> outbox, IRequestContext context, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<RetryOutboxMessageCommand, Unit>
{
    public async Task<Unit> Handle(RetryOutboxMessageCommand request, CancellationToken cancellationToken)
    {
        var message = await outbox.FirstOrDefaultAsync(
                new OutboxMessageOfOrganizationSpecification(context.RequireOrganizationId(), request.Id), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.OutboxMessageNotFound);
        message.Retry(time.UtcNow());
        audit.Record(new AuditEvent("retry_outbox_message", "email", message.Id, null, [new AuditChange("status", "failed", "pending")]));
        return Unit.Value;
    }
}
