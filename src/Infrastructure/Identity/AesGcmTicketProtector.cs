using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// The bearer token scheme's ticket format, sealed with AES-256-GCM under keys from configuration, so that every
/// instance configured with the same keys reads every other instance's tokens without sharing a key ring.
/// Layout: version (1) | key id (4) | nonce (12) | tag (16) | ciphertext of the serialized ticket.
/// </summary>
internal sealed class AesGcmTicketProtector : ISecureDataFormat<AuthenticationTicket>
{
    private const byte Version = 1;
    private const int KeyIdSize = 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + KeyIdSize + NonceSize + TagSize;

    private readonly (byte[] Id, byte[] Key)[] _keys;

    public AesGcmTicketProtector(IOptions<TokenOptions> options)
    {
        _keys = options.Value.TokenKeys
            .Select(k => Convert.FromBase64String(k))
            .Select(k => (SHA256.HashData(k)[..KeyIdSize], k))
            .ToArray();
    }

    public string Protect(AuthenticationTicket data) => Protect(data, purpose: null);

    public string Protect(AuthenticationTicket data, string? purpose)
    {
        var plaintext = TicketSerializer.Default.Serialize(data);
        var (id, key) = _keys[0];
        var sealedToken = new byte[HeaderSize + plaintext.Length];
        sealedToken[0] = Version;
        id.CopyTo(sealedToken, 1);
        var nonce = sealedToken.AsSpan(1 + KeyIdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedToken.AsSpan(HeaderSize),
            sealedToken.AsSpan(1 + KeyIdSize + NonceSize, TagSize),
            AssociatedData(purpose));
        return Base64Url.EncodeToString(sealedToken);
    }

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || protectedText.Length > 8192)
        {
            return null;
        }

        byte[] sealedToken;
        try
        {
            sealedToken = Base64Url.DecodeFromChars(protectedText);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedToken.Length <= HeaderSize || sealedToken[0] != Version)
        {
            return null;
        }

        var id = sealedToken.AsSpan(1, KeyIdSize);
        foreach (var (keyId, key) in _keys)
        {
            if (!id.SequenceEqual(keyId))
            {
                continue;
            }

            var plaintext = new byte[sealedToken.Length - HeaderSize];
            try
            {
                using var aes = new AesGcm(key, TagSize);
                aes.Decrypt(
                    sealedToken.AsSpan(1 + KeyIdSize, NonceSize),
                    sealedToken.AsSpan(HeaderSize),
                    sealedToken.AsSpan(1 + KeyIdSize + NonceSize, TagSize),
                    plaintext,
                    AssociatedData(purpose));
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }

            return TicketSerializer.Default.Deserialize(plaintext);
        }

        return null;
    }

    private static byte[] AssociatedData(string? purpose) => System.Text.Encoding.UTF8.GetBytes(purpose ?? "crm-access-token");
}
