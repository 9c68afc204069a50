using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Application.Auth.Common;

/// <summary>
/// Secrets handed to their holder once (refresh tokens, password-reset and invitation links): 256 random bits,
/// of which only the SHA-256 is stored, so a copy of the database reveals none of them.
/// </summary>
public static class SecretTokens
{
    public static (string Token, byte[] Hash) Generate()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>The length of every generated token: 32 bytes in unpadded base64url.</summary>
    public const int Length = 43;

    /// <summary>
    /// Whether the text has the shape of a generated token: anything else (an access token, a truncated copy, an
    /// oversized body) cannot match a stored hash, so it is refused before hashing or a database lookup.
    /// </summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
