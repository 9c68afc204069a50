using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Application.Auth.Common;

/// <summary>Refresh tokens are 256 random bits; only their SHA-256 is stored.</summary>
public static class RefreshTokens
{
    public static (string Token, byte[] Hash) Generate()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
