using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>
/// An authenticator app in a few lines of RFC 6238 (HMAC-SHA1, 6 digits, 30-second steps), written from the RFC
/// rather than with the service's library, so that the service is checked against the standard.
/// </summary>
public sealed class Authenticator(byte[] secret)
{
    public static Authenticator FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return new Authenticator([.. bytes]);
    }

    public static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    /// <summary>
    /// The current step once at least 12 seconds of it remain, so that codes of this step and the ones either side
    /// stay within the service's window for the rest of a short test.
    /// </summary>
    public static async Task<long> SteadyStepAsync()
    {
        var left = 30 - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30);
        if (left < 12)
        {
            await Task.Delay(TimeSpan.FromSeconds(left + 0.2));
        }

        return StepNow();
    }

    public string Code(long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Turns two-factor sign-in on for the account, confirming with the previous step's code (so that this step's and the next stay unused).</summary>
    public static async Task<TwoFactorAccount> EnableAsync(Api api, Account account)
    {
        var setup = await api.As(account).PostAsync("/api/v1/auth/2fa/setup");
        setup.Status.ShouldBe(HttpStatusCode.OK, setup.Text);
        var authenticator = FromBase32(setup["secret"]!);
        var step = await SteadyStepAsync();
        var enabled = await api.As(account).PostAsync("/api/v1/auth/2fa/enable", new { code = authenticator.Code(step - 1) });
        enabled.Status.ShouldBe(HttpStatusCode.OK, enabled.Text);
        var codes = enabled.Json["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        return new TwoFactorAccount(account, authenticator, codes, step);
    }
}

/// <summary>An account with two-factor sign-in on: its authenticator, recovery codes, and the step whose code is next unused.</summary>
public sealed record TwoFactorAccount(Account Account, Authenticator Authenticator, IReadOnlyList<string> RecoveryCodes, long Step);
