using System.ComponentModel.DataAnnotations;
using Crm.Infrastructure.Configuration;

namespace Crm.Infrastructure.Identity;

/// <summary>Settings of the <c>Auth</c> section.</summary>
public sealed class TokenOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The signing key used only when none is configured in Development (a PKCS#8 EC P-256 private key). Public,
    /// hence worthless as a secret: the service refuses it in every other environment.
    /// </summary>
    public const string DevelopmentSigningKey =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyBB8NL/Emrp3NEYKlBRsHq5OyYPjOSlPHtgV0RmUwAmhRANCAARmcxUT7P6+uhLj0l9sFDR9FtDBLOqeUevx0TDeYKIrYKA404DjPQFq8IvIUU8mNQamw1i1V3BzB5SoY8Vo83Cb";

    /// <summary>
    /// EC P-256 private keys (PEM, or base64 of PKCS#8 DER) that sign access tokens with ES256. The first signs;
    /// all of them verify and are published in the JWK set, so a new key is rolled out first in second place, then
    /// moved first, and the old one removed once the tokens it signed have expired. Each key's <c>kid</c> is its
    /// RFC 7638 thumbprint. Every instance of the service must have the same keys.
    /// </summary>
    [Secret]
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>
    /// The encryption key used only when none is configured in Development (32 bytes, base64). Public, hence
    /// worthless as a secret: the service refuses it in every other environment.
    /// </summary>
    public const string DevelopmentEncryptionKey = "r05Kh9hyo1huRmiwtOEJuBGA5yzf3ACvEkiRIEPMYbM=";

    /// <summary>
    /// AES-256-GCM keys (base64 of 32 random bytes) that encrypt secrets the service must read back (authenticator
    /// secrets). The first encrypts; all of them decrypt, each ciphertext naming its key, so a new key is put first
    /// and the old ones stay until nothing encrypted with them remains. Every instance must have the same keys.
    /// </summary>
    [Secret]
    public List<string> EncryptionKeys { get; set; } = [];

    /// <summary>The <c>iss</c> of every access token, and the only issuer accepted.</summary>
    public string Issuer { get; set; } = "crm";

    /// <summary>The <c>aud</c> of every access token, and the only audience accepted.</summary>
    public string Audience { get; set; } = "crm-api";

    /// <summary>How far apart the clocks of the instances may be when a token's lifetime is checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);
}
