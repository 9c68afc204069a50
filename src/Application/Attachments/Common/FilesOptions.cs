namespace Crm.Application.Attachments.Common;

public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, in bytes (25 MB).</summary>
    public long MaxSize { get; set; } = 25L * 1024 * 1024;

    /// <summary>Bytes of files each plan's organizations may store.</summary>
    public StorageQuotas Quotas { get; set; } = new();
}
