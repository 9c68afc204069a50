using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Storage;

/// <summary>
/// Where attachments go must be complete: an S3 bucket with both keys or neither, a link lifetime S3 accepts; and in
/// Production not the temporary folder, which the system empties (and a hardened unit makes private to the process).
/// </summary>
internal sealed class StorageOptionsValidation(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Storage == "s3")
        {
            if (string.IsNullOrWhiteSpace(options.S3Bucket))
            {
                return ValidateOptionsResult.Fail("Files:S3Bucket is required with Files:Storage=s3.");
            }

            if (options.S3ServiceUrl is { Length: > 0 } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                return ValidateOptionsResult.Fail($"Files:S3ServiceUrl must be an absolute http(s) address (is {url}).");
            }

            if (string.IsNullOrWhiteSpace(options.S3AccessKey) != string.IsNullOrWhiteSpace(options.S3SecretKey))
            {
                return ValidateOptionsResult.Fail("Files:S3AccessKey and Files:S3SecretKey go together: set both, or neither to use the instance's own credentials.");
            }

            return options.LinkLifetime > TimeSpan.FromDays(7)
                ? ValidateOptionsResult.Fail("Files:LinkLifetime must be at most 7 days, the longest S3 signs a link for.")
                : ValidateOptionsResult.Success;
        }

        if (options.Storage != "local")
        {
            return ValidateOptionsResult.Fail($"Files:Storage must be local or s3 (is {options.Storage}).");
        }

        if (string.IsNullOrWhiteSpace(options.LocalRoot) || !Path.IsPathFullyQualified(options.LocalRoot))
        {
            return ValidateOptionsResult.Fail($"Files:LocalRoot must be an absolute folder path (is {options.LocalRoot}).");
        }

        return environment.IsProduction() && IsUnder(options.LocalRoot, Path.GetTempPath())
            ? ValidateOptionsResult.Fail(
                $"Files:LocalRoot is in the temporary folder ({options.LocalRoot}), which is emptied: set it to a lasting folder such as /var/lib/crm/files, or use Files:Storage=s3.")
            : ValidateOptionsResult.Success;
    }

    private static bool IsUnder(string path, string folder) =>
        Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar).StartsWith(
            Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
