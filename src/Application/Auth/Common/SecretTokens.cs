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

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
