using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Infrastructure.Identity;

/// <summary>One EC P-256 key that signs or verifies access tokens, named by its RFC 7638 thumbprint.</summary>
public sealed class SigningKey
{
    private SigningKey(ECDsa key, Jwk publicKey)
    {
        SecurityKey = new ECDsaSecurityKey(key) { KeyId = publicKey.Kid };
        PublicKey = publicKey;
    }

    public string Kid => PublicKey.Kid;

    public ECDsaSecurityKey SecurityKey { get; }

    /// <summary>The public half, as published in the JWK set.</summary>
    public Jwk PublicKey { get; }

    /// <summary>Reads a PEM or base64 PKCS#8 EC P-256 private key; null when it is anything else.</summary>
    public static SigningKey? TryRead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4096)
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(text);
            }
            else
            {
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(text.Trim()), out _);
            }

            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value || parameters.D is null)
            {
                key.Dispose();
                return null;
            }

            var x = Base64Url.EncodeToString(parameters.Q.X);
            var y = Base64Url.EncodeToString(parameters.Q.Y);
            return new SigningKey(key, new Jwk("EC", "P-256", x, y, Thumbprint(x, y), "sig", SecurityAlgorithms.EcdsaSha256));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            key.Dispose();
            return null;
        }
    }

    /// <summary>Whether the text is the public development key, in whatever encoding it is given.</summary>
    public static bool IsDevelopmentKey(string text) =>
        TryRead(text)?.Kid is { } kid && kid == TryRead(TokenOptions.DevelopmentSigningKey)!.Kid;

    /// <summary>RFC 7638: SHA-256 of the required members in lexicographic order, without whitespace.</summary>
    private static string Thumbprint(string x, string y) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));
}
