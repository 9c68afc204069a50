namespace Crm.Application.Attachments.Common;

/// <summary>A file attached to a contact or a deal.</summary>
public sealed record AttachmentDto(
    Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTime CreatedAt, Guid UploadedBy, Guid? ContactId, Guid? DealId);
