using Crm.Infrastructure.Configuration;

namespace Crm.Infrastructure.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// The key (32 bytes in base64) of the suppression list's hashes. Unset, one is derived from the first of
    /// <c>Auth:EncryptionKeys</c>: set this before rotating those keys, since a changed key no longer matches the
    /// addresses already listed.
    /// </summary>
    [Secret]
    public string? SuppressionKey { get; set; }
}
