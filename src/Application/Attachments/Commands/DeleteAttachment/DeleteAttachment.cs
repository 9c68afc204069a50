using Crm.Application.Attachments.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Domain.Attachments;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Attachments.Commands.DeleteAttachment;

/// <summary>Removes a file: its row now, its stored content once that commits.</summary>
[NoValidator("Its only input is the id in the path, which routing accepts as a UUID only.")]
[AuditAction("delete_attachment")]
public sealed record DeleteAttachmentCommand(Guid Id) : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteAttachmentCommandHandler(
    IRepository<Attachment> attachments, AttachmentParents parents, IFileStorage storage, ITransactionOutcome outcome, IRequestContext context)
    : IRequestHandler<DeleteAttachmentCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAttachmentCommand request, CancellationToken cancellationToken)
    {
        var attachment = await attachments.GetInOrganizationAsync(request.Id, context, ErrorCatalog.AttachmentNotFound, cancellationToken);
        attachment.EnsureMayRemove(await parents.OfAsync(attachment, cancellationToken), context.RequireActor());
        attachments.Remove(attachment);
        outcome.AfterCommit(ct => storage.DeleteAsync(attachment.StorageKey, ct));
        return Unit.Value;
    }
}
