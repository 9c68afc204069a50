using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Crm.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Concurrency;

/// <summary>
/// Turns a record's row version into its entity tag and back. The row version is PostgreSQL's transaction counter,
/// shared by every tenant: shown as it is, it would tell anyone how much the whole service writes. So the version
/// and 12 bytes of the record's id are encrypted as one AES block, with a key derived from the first of
/// <c>Auth:EncryptionKeys</c>: the same version of a record always has the same tag (a plain string comparison tells
/// a client whether it changed), a tag says nothing without the key, and one record's tag names no other record.
/// Rotating the first key changes every tag: clients read again (412 once, or a full 200 instead of a 304).
/// </summary>
public sealed class EntityTagCipher
{
    private const int BlockLength = 16;
    private readonly byte[] _key;

    public EntityTagCipher(IOptions<TokenOptions> options)
    {
        var key = options.Value.EncryptionKeys.Select(EncryptionKey.TryRead).FirstOrDefault()
            ?? throw new InvalidOperationException("Auth:EncryptionKeys holds no readable key.");
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Key, 32, info: Encoding.ASCII.GetBytes("crm entity tags v1"));
    }

    /// <summary>The opaque tag (22 base64url characters) of this version of this record.</summary>
    public string Tag(Guid id, uint version)
    {
        Span<byte> block = stackalloc byte[BlockLength];
        Fill(block, id, version);
        using var aes = Cipher();
        var encrypted = aes.EncryptEcb(block, PaddingMode.None);
        return Convert.ToBase64String(encrypted).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The version a tag names for this record; null for a tag of another record, key or service.</summary>
    public uint? Version(Guid id, string tag)
    {
        if (tag.Length != 22 || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(tag.Replace('-', '+').Replace('_', '/') + "==");
        using var aes = Cipher();
        var block = aes.DecryptEcb(bytes, PaddingMode.None);
        Span<byte> expected = stackalloc byte[BlockLength];
        var version = BinaryPrimitives.ReadUInt32LittleEndian(block);
        Fill(expected, id, version);
        return CryptographicOperations.FixedTimeEquals(block, expected) ? version : null;
    }

    // One per call: an algorithm object is not for concurrent use.
    private Aes Cipher()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }

    private static void Fill(Span<byte> block, Guid id, uint version)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(block, version);
        Span<byte> idBytes = stackalloc byte[16];
        id.TryWriteBytes(idBytes);
        idBytes[4..].CopyTo(block[4..]);
    }
}
