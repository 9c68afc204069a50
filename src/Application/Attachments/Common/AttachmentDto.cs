using Crm.Domain.Attachments;

namespace Crm.Application.Attachments.Common;

public sealed record AttachmentDto(
    Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTime CreatedAt, Guid UploadedBy, Guid? ContactId, Guid? DealId)
{
    public static AttachmentDto From(Attachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.CreatedAt, a.UploadedBy, a.ContactId, a.DealId);
}
