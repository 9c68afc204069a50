using System.Security.Cryptography;
using System.Text;
using Crm.Application.Suppressions.Common;
using Crm.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Privacy;

/// <summary>The key of the suppression list's hashes (<see cref="PrivacyOptions.SuppressionKey"/>), read once.</summary>
public sealed class SuppressionKey(IOptions<PrivacyOptions> privacy, IOptions<TokenOptions> tokens)
{
    private readonly Lazy<byte[]> _bytes = new(() => Read(privacy.Value, tokens.Value));

    public byte[] Bytes => _bytes.Value;

    /// <summary>The list's hash of an address in an organization, as 64 lower-case hex characters.</summary>
    public string Hash(Guid organizationId, string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Bytes, Encoding.UTF8.GetBytes($"{organizationId:N}:{SuppressionChecks.Normalize(email)}")));

    private static byte[] Read(PrivacyOptions privacy, TokenOptions tokens)
    {
        if (!string.IsNullOrWhiteSpace(privacy.SuppressionKey))
        {
            return EncryptionKey.TryRead(privacy.SuppressionKey)?.Key
                ?? throw new InvalidOperationException("Privacy:SuppressionKey is not 32 bytes in base64.");
        }

        var key = tokens.EncryptionKeys.Select(EncryptionKey.TryRead).FirstOrDefault()
            ?? throw new InvalidOperationException("Auth:EncryptionKeys holds no readable key.");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Key, 32, info: Encoding.ASCII.GetBytes("crm suppression list v1"));
    }
}
