using Crm.Application.Attachments.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
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

/// <summary>Removes the stored files of a record that is being deleted, once the deletion commits.</summary>
public static class RecordFiles
{
    public static async Task RemoveAfterCommitAsync(
        this IReadStore store, IFileStorage storage, ITransactionOutcome outcome, Guid? contactId, Guid? dealId, CancellationToken ct)
    {
        var keys = await store.ToListAsync(
            store.Query<Attachment>().Where(a => (contactId != null && a.ContactId == contactId) || (dealId != null && a.DealId == dealId)).Select(a => a.StorageKey),
            ct);
        foreach (var key in keys)
        {
            outcome.AfterCommit(c => storage.DeleteAsync(key, c));
        }
    }
}
