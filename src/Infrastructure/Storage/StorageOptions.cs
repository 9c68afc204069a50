using Crm.Infrastructure.Configuration;

namespace Crm.Infrastructure.Storage;

/// <summary>Settings of the <c>Files</c> section: where attachment contents are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Files";

    /// <summary><c>local</c> (the default, a folder) or <c>s3</c>.</summary>
    public string Storage { get; set; } = "local";

    public string LocalRoot { get; set; } = Path.Combine(Path.GetTempPath(), "crm-files");

    public string? S3ServiceUrl { get; set; }

    public string S3Bucket { get; set; } = "crm-files";

    [Secret]
    public string? S3AccessKey { get; set; }

    [Secret]
    public string? S3SecretKey { get; set; }

    public string S3Region { get; set; } = "us-east-1";

    /// <summary>How long a download link to S3 stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one storage call may take before it is tried again.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
