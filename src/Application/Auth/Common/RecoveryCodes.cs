using System.Security.Cryptography;
using System.Text;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>
/// Single-use recovery codes, shown once when two-factor sign-in is turned on: 80 random bits each, written as
/// <c>xxxx-xxxx-xxxx-xxxx</c> in a base32 alphabet, stored only as the SHA-256 of their canonical form (80 bits
/// make the hash as hard to reverse as the code is to guess).
/// </summary>
public static class RecoveryCodes
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The longest text accepted as a recovery code (its grouped form with some spacing).</summary>
    public const int MaxLength = 40;

    public static (IReadOnlyList<string> Codes, IReadOnlyList<string> Hashes) Generate()
    {
        var codes = Enumerable.Range(0, TwoFactorCredential.RecoveryCodeCount).Select(_ => NewCode()).ToList();
        return (codes, codes.Select(Hash).ToList());
    }

    /// <summary>The hash of a code as typed: case, hyphens and spaces do not matter.</summary>
    public static string Hash(string code)
    {
        var canonical = new string(code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string NewCode()
    {
        var text = new StringBuilder(19);
        for (var i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append('-');
            }

            text.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
