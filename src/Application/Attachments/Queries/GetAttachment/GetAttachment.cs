using Crm.Application.Attachments.Common;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Domain.Attachments;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Attachments.Queries.GetAttachment;

public sealed record GetAttachmentQuery(Guid Id) : IQuery<AttachmentDto>, IOrganizationScoped;

public sealed class GetAttachmentQueryHandler(IReadStore store, IRequestContext context) : IRequestHandler<GetAttachmentQuery, AttachmentDto>
{
    public async Task<AttachmentDto> Handle(GetAttachmentQuery request, CancellationToken cancellationToken) =>
        AttachmentDto.From(await store.FindAttachmentAsync(request.Id, context, cancellationToken));
}

/// <summary>A file's content: a short-lived link (S3) or a stream (local disk).</summary>
public sealed record DownloadAttachmentQuery(Guid Id) : IQuery<AttachmentDownload>, IOrganizationScoped;

public sealed record AttachmentDownload(AttachmentDto Attachment, FileContent Content);

public sealed class DownloadAttachmentQueryHandler(IReadStore store, IFileStorage storage, IRequestContext context)
    : IRequestHandler<DownloadAttachmentQuery, AttachmentDownload>
{
    public async Task<AttachmentDownload> Handle(DownloadAttachmentQuery request, CancellationToken cancellationToken)
    {
        var attachment = await store.FindAttachmentAsync(request.Id, context, cancellationToken);
        var content = await storage.OpenAsync(attachment.StorageKey, attachment.FileName, attachment.ContentType, cancellationToken);
        return new AttachmentDownload(AttachmentDto.From(attachment), content);
    }
}

internal static class AttachmentLookup
{
    public static async Task<Attachment> FindAttachmentAsync(this IReadStore store, Guid id, IRequestContext context, CancellationToken ct)
    {
        var organizationId = context.RequireOrganizationId();
        return await store.FirstOrDefaultAsync(store.Query(new RecordInOrganizationSpecification<Attachment>(id, organizationId)), ct)
            ?? throw new NotFoundException(ErrorCatalog.AttachmentNotFound);
    }
}
