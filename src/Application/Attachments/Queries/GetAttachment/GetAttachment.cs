using AutoMapper;
using Crm.Application.Attachments.Common;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using MediatR;

namespace Crm.Application.Attachments.Queries.GetAttachment;

public sealed record GetAttachmentQuery(Guid Id) : IQuery<AttachmentDto>, IOrganizationScoped;

public sealed class GetAttachmentQueryHandler(IReadStore store, IRequestContext context, IMapper mapper) : IRequestHandler<GetAttachmentQuery, AttachmentDto>
{
    public async Task<AttachmentDto> Handle(GetAttachmentQuery request, CancellationToken cancellationToken) =>
        mapper.Map<AttachmentDto>(await store.FindAttachmentAsync(request.Id, context, cancellationToken));
}

/// <summary>A file's content: a short-lived link (S3) or a stream (local disk).</summary>
public sealed record DownloadAttachmentQuery(Guid Id) : IQuery<AttachmentDownload>, IOrganizationScoped;

public sealed record AttachmentDownload(AttachmentDto Attachment, FileContent Content);

public sealed class DownloadAttachmentQueryHandler(IReadStore store, IFileStorage storage, IRequestContext context, IMapper mapper)
    : IRequestHandler<DownloadAttachmentQuery, AttachmentDownload>
{
    public async Task<AttachmentDownload> Handle(DownloadAttachmentQuery request, CancellationToken cancellationToken)
    {
        var attachment = await store.FindAttachmentAsync(request.Id, context, cancellationToken);
        var content = await storage.OpenAsync(attachment.StorageKey, attachment.FileName, attachment.ContentType, cancellationToken);
        return new AttachmentDownload(mapper.Map<AttachmentDto>(attachment), content);
    }
}
