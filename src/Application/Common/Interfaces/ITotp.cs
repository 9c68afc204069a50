namespace Crm.Application.Common.Interfaces;

/// <summary>Time-based one-time passwords (RFC 6238): SHA-1, 6 digits, 30-second steps.</summary>
public interface ITotp
{
    /// <summary>A new random secret of 160 bits (RFC 4226's recommended length).</summary>
    byte[] NewSecret();

    /// <summary>The secret in base32 without padding, as authenticator apps take it when typed.</summary>
    string Encode(byte[] secret);

    /// <summary>The <c>otpauth://totp/</c> URI an authenticator app reads from a QR code.</summary>
    string ProvisioningUri(byte[] secret, string accountName);

    /// <summary>
    /// The time step whose code is <paramref name="code"/>, looking one step either side of now for clocks apart;
    /// null when none matches.
    /// </summary>
    long? MatchingStep(byte[] secret, string code, DateTime now);
}
