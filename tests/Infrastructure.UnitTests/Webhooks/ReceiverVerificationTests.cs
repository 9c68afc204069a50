using System.Security.Cryptography;
using System.Text;
using Crm.Infrastructure.Webhooks;

namespace Crm.Infrastructure.UnitTests.Webhooks;

/// <summary>The README's C# verification, as a receiver would paste it, against what the service sends.</summary>
public sealed class ReceiverVerificationTests
{
    [Test]
    public void The_READMEs_check_accepts_either_signature_during_a_rotation_and_refuses_others()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string body = """{"id":"0193a5b0-7e1c-7c4d-9a51-2f4e8d1c0b6a","type":"ping","data":{"object":{"name":"José"}}}""";
        var signature = WebhookSignature.Sign([Encoding.UTF8.GetBytes("whsec_new"), Encoding.UTF8.GetBytes("whsec_old")], timestamp, body);
        var stamp = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Verify("whsec_new", stamp, signature, body).ShouldBeTrue();
        Verify("whsec_old", stamp, signature, body).ShouldBeTrue();
        Verify("whsec_other", stamp, signature, body).ShouldBeFalse();
        Verify("whsec_new", stamp, signature, body + " ").ShouldBeFalse();
        Verify("whsec_new", (timestamp - 301).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body).ShouldBeFalse();
        Verify("whsec_new", "soon", signature, body).ShouldBeFalse();
    }

    // The README's snippet (design notes, webhooks), braced as this code base wants: keep the two the same.
    private static bool Verify(string secret, string timestamp, string signature, string rawBody)
    {
        // using System.Security.Cryptography; using System.Text;
        if (!long.TryParse(timestamp, out var t) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t) > 300)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{rawBody}"))));
        return signature.Split(',').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s.Trim()), expected));
    }
}
