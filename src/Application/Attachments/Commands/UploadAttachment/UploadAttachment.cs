using System.Security.Cryptography;
using AutoMapper;
using Crm.Application.Attachments.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Domain.Attachments;
using Crm.Domain.Attachments.Rules;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using MediatR;
using Microsoft.Extensions.Options;

namespace Crm.Application.Attachments.Commands.UploadAttachment;

/// <summary>
/// Attaches a file to a contact or deal. Its type is recognised from its leading bytes; it is hashed and stored
/// by reading the (disk-buffered) upload, never holding it whole in memory. It must fit in the organization's storage
/// quota: checked before a byte is stored, and again under the organization's storage lock before it is recorded.
/// </summary>
[NoValidator("The file is checked by its handler as it is read: size, and type by its leading bytes.")]
[AuditAction("upload_attachment")]
public sealed record UploadAttachmentCommand(
    AttachmentParent Parent, Guid ParentId, string? FileName, string? DeclaredContentType, long Length, Stream Content)
    : ICommand<AttachmentDto>, IOrganizationScoped;

public sealed class UploadAttachmentCommandHandler(
    AttachmentParents parents,
    IRepository<Attachment> attachments,
    IReadStore store,
    IStorageUsage usage,
    IFileStorage storage,
    ITransactionOutcome outcome,
    IRequestContext context,
    IOptions<FilesOptions> options,
    IMapper mapper,
    TimeProvider time) : IRequestHandler<UploadAttachmentCommand, AttachmentDto>
{
    public async Task<AttachmentDto> Handle(UploadAttachmentCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var record = await parents.GetAsync(request.Parent, request.ParentId, cancellationToken);
        if (request.Length > options.Value.MaxSize)
        {
            throw new PayloadTooLargeException(ErrorCatalog.FileTooLarge, $"Files may be at most {options.Value.MaxSize / (1024 * 1024)} MB.");
        }

        if (request.Length == 0)
        {
            throw new UnsupportedMediaTypeException(ErrorCatalog.UnsupportedFileType, "The file is empty.");
        }

        var fileName = Attachment.SanitizeFileName(request.FileName);
        var head = new byte[FileTypes.HeaderLength];
        var read = await request.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = FileTypes.Detect(head.AsSpan(0, read), fileName)
            ?? throw new UnsupportedMediaTypeException(ErrorCatalog.UnsupportedFileType);
        if (!FileTypes.Agrees(request.DeclaredContentType, type))
        {
            throw new UnsupportedMediaTypeException(ErrorCatalog.ContentTypeMismatch, $"The file's content is {type}, not {request.DeclaredContentType}.");
        }

        request.Content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Content, cancellationToken));
        var now = time.UtcNow();
        var attachment = record switch
        {
            Contact contact => Attachment.To(contact, actor, fileName, type, request.Length, sha256, now),
            Deal deal => Attachment.To(deal, actor, fileName, type, request.Length, sha256, now),
            _ => throw new InvalidOperationException("Files attach to contacts and deals only."),
        };

        var organizationId = attachment.OrganizationId;
        var plan = await store.FirstOrDefaultAsync(
            store.Query<Organization>().Where(o => o.Id == organizationId).Select(o => o.Plan), cancellationToken);
        var quota = options.Value.Quotas.For(plan);
        var used = await usage.MeasureAsync([organizationId], cancellationToken);
        BusinessRules.Check(new StorageQuotaNotExceeded(used.GetValueOrDefault(organizationId), request.Length, quota));

        request.Content.Position = 0;
        await storage.SaveAsync(attachment.StorageKey, request.Content, request.Length, type, cancellationToken);
        outcome.OnRollback(ct => storage.DeleteAsync(attachment.StorageKey, ct));

        // Uploads running at once all passed the check above; counted again under the lock, only those that fit
        // together are recorded (the others' stored content goes with their rollback). The lock is taken after the
        // slow write, so it is held only until the commit.
        BusinessRules.Check(new StorageQuotaNotExceeded(await usage.LockAndMeasureAsync(organizationId, cancellationToken), request.Length, quota));
        attachments.Add(attachment);
        return mapper.Map<AttachmentDto>(attachment);
    }
}
