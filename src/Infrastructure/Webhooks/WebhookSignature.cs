using System.Security.Cryptography;
using System.Text;

namespace Crm.Infrastructure.Webhooks;

/// <summary>
/// <c>Crm-Signature</c>: <c>v1=</c> and the lowercase hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c>, keyed with the
/// secret's UTF-8 bytes; one per signing secret, comma-separated, the current secret first.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Crm-Signature";
    public const string TimestampHeader = "Crm-Timestamp";
    public const string EventIdHeader = "Crm-Event-Id";
    public const string EventTypeHeader = "Crm-Event-Type";

    public static string Sign(IEnumerable<byte[]> keys, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{body}");
        return string.Join(',', keys.Select(k => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(k, signed))));
    }
}
