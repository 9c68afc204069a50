using System.Security.Cryptography;
using Crm.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// AES-256-GCM with the keys of <c>Auth:EncryptionKeys</c>. A ciphertext is version (1 byte), key id (8), nonce
/// (12), tag (16), then the encrypted bytes; the owner's id is authenticated with it, so a ciphertext moved to
/// another owner's row fails to decrypt instead of handing that owner a secret.
/// </summary>
internal sealed class AesGcmSecretProtector : ISecretProtector
{
    private const byte Version = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + EncryptionKey.IdLength + NonceLength + TagLength;

    private readonly IReadOnlyList<EncryptionKey> _keys;

    public AesGcmSecretProtector(IOptions<TokenOptions> options) =>
        _keys = options.Value.EncryptionKeys
            .Select(k => EncryptionKey.TryRead(k) ?? throw new InvalidOperationException("Auth:EncryptionKeys holds an unreadable key."))
            .ToList();

    public byte[] Protect(byte[] secret, Guid ownerId)
    {
        var key = _keys[0];
        var output = new byte[HeaderLength + secret.Length];
        output[0] = Version;
        key.Id.CopyTo(output, 1);
        var nonce = output.AsSpan(1 + EncryptionKey.IdLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagLength);
        aes.Encrypt(nonce, secret, output.AsSpan(HeaderLength), output.AsSpan(1 + EncryptionKey.IdLength + NonceLength, TagLength), ownerId.ToByteArray());
        return output;
    }

    public byte[] Unprotect(byte[] ciphertext, Guid ownerId)
    {
        if (ciphertext.Length < HeaderLength || ciphertext[0] != Version)
        {
            throw new CryptographicException("Not a ciphertext of this service.");
        }

        var id = ciphertext[1..(1 + EncryptionKey.IdLength)];
        var key = _keys.FirstOrDefault(k => id.AsSpan().SequenceEqual(k.Id))
            ?? throw new CryptographicException("The key that encrypted this secret is no longer configured in Auth:EncryptionKeys.");
        var secret = new byte[ciphertext.Length - HeaderLength];
        using var aes = new AesGcm(key.Key, TagLength);
        aes.Decrypt(
            ciphertext.AsSpan(1 + EncryptionKey.IdLength, NonceLength),
            ciphertext.AsSpan(HeaderLength),
            ciphertext.AsSpan(1 + EncryptionKey.IdLength + NonceLength, TagLength),
            secret,
            ownerId.ToByteArray());
        return secret;
    }
}
