using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Application.ApiKeys.Common;

/// <summary>
/// API key secrets: <c>crm_</c>, an 8-character public prefix, <c>_</c>, then 256 random bits in base62 (43
/// characters), so a key is recognisable in logs and secret scanners and survives any copy (no <c>+/=</c>). Only the
/// SHA-256 of the whole secret is stored: a copy of the database reveals no key.
/// </summary>
public static class ApiKeySecrets
{
    public const string Marker = "crm_";
    public const int PrefixRandomLength = 8;
    public const int RandomLength = 43;

    /// <summary>The length of every secret: <c>crm_</c> + 8 + <c>_</c> + 43.</summary>
    public const int Length = 4 + PrefixRandomLength + 1 + RandomLength;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A new secret, its public prefix (<c>crm_</c> and 8 characters) and the hash to store.</summary>
    public static (string Secret, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Marker + RandomNumberGenerator.GetString(Alphabet, PrefixRandomLength);
        var secret = prefix + "_" + Base62(RandomNumberGenerator.GetBytes(32));
        return (secret, prefix, Hash(secret));
    }

    /// <summary>
    /// Whether the text has the shape of a secret: anything else cannot match a stored hash, so it is refused
    /// before hashing or a database lookup.
    /// </summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: Length }
        && secret.StartsWith(Marker, StringComparison.Ordinal)
        && secret[Marker.Length + PrefixRandomLength] == '_'
        && secret.AsSpan(Marker.Length, PrefixRandomLength).ContainsAnyExcept(Alphabet) is false
        && secret.AsSpan(Marker.Length + PrefixRandomLength + 1).ContainsAnyExcept(Alphabet) is false;

    /// <summary>Whether a bearer credential is meant as an API key rather than an access token.</summary>
    public static bool LooksLikeKey(string? credential) =>
        credential is not null && credential.StartsWith(Marker, StringComparison.Ordinal);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>256 bits as exactly 43 base62 digits (62^43 exceeds 2^256), zero-padded on the left.</summary>
    private static string Base62(byte[] bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new char[RandomLength];
        for (var i = RandomLength - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, 62, out var digit);
            digits[i] = Alphabet[(int)digit];
        }

        return new string(digits);
    }
}
