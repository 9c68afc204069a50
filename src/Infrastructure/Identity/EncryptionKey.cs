using System.Security.Cryptography;

namespace Crm.Infrastructure.Identity;

/// <summary>One AES-256-GCM key of <c>Auth:EncryptionKeys</c>, named by the first 8 bytes of its SHA-256.</summary>
public sealed class EncryptionKey
{
    public const int IdLength = 8;

    private EncryptionKey(byte[] key)
    {
        Key = key;
        Id = SHA256.HashData(key)[..IdLength];
    }

    public byte[] Key { get; }

    /// <summary>Written before every ciphertext, so that the key that decrypts it is found after a rotation.</summary>
    public byte[] Id { get; }

    /// <summary>Reads 32 bytes in base64; null when it is anything else.</summary>
    public static EncryptionKey? TryRead(string? text)
    {
        Span<byte> key = stackalloc byte[33];
        return !string.IsNullOrWhiteSpace(text) && Convert.TryFromBase64String(text.Trim(), key, out var length) && length == 32
            ? new EncryptionKey(key[..32].ToArray())
            : null;
    }

    public static bool IsDevelopmentKey(string text) =>
        TryRead(text)?.Id is { } id && id.AsSpan().SequenceEqual(TryRead(TokenOptions.DevelopmentEncryptionKey)!.Id);
}
