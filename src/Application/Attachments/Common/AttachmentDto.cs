using Crm.Domain.Attachments;

namespace Crm.Application.Attachments.Common;

public sealed record AttachmentDto(
    Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTime CreatedAt, Guid UploadedBy, Guid? ContactId, Guid? DealId)
{
    public static AttachmentDto From(Attachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.CreatedAt, a.UploadedBy, a.ContactId, a.DealId);
}

/// <summary>The kinds of record files are attached to.</summary>
public enum AttachmentParent
{
    Contact,
    Deal,
}

public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, in bytes (25 MB).</summary>
    public long MaxSize { get; set; } = 25L * 1024 * 1024;
}
