using System.Buffers.Text;
using System.Security.Cryptography;

namespace Crm.Application.Webhooks.Common;

public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    /// <summary>A new signing secret: 256 random bits, base64url. Receivers use its UTF-8 bytes as the HMAC key.</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
