using System.Security.Cryptography;
using Crm.Application.Common.Interfaces;
using OtpNet;

namespace Crm.Infrastructure.Identity;

/// <summary>TOTP through Otp.NET: SHA-1, 6 digits, 30-second steps, what every authenticator app reads.</summary>
internal sealed class OtpNetTotp : ITotp
{
    private const string Issuer = "Crm";

    /// <summary>One step either side of now: a phone's clock a little apart, or a code typed as it turned.</summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    public string Encode(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public string ProvisioningUri(byte[] secret, string accountName) =>
        $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(accountName)}?secret={Encode(secret)}&issuer={Issuer}&algorithm=SHA1&digits=6&period=30";

    public long? MatchingStep(byte[] secret, string code, DateTime now) =>
        new Totp(secret).VerifyTotp(DateTime.SpecifyKind(now, DateTimeKind.Utc), code, out var step, Window) ? step : null;
}
