namespace Crm.Infrastructure.Identity;

/// <summary>An RFC 7517 public key: an EC P-256 key verifying ES256 signatures.</summary>
/// <param name="Kty">Key type: <c>EC</c>.</param>
/// <param name="Crv">Curve: <c>P-256</c>.</param>
/// <param name="X">The public point's x coordinate, base64url.</param>
/// <param name="Y">The public point's y coordinate, base64url.</param>
/// <param name="Kid">The key id that access tokens name in their header (the key's RFC 7638 thumbprint).</param>
/// <param name="Use">Public key use: <c>sig</c>.</param>
/// <param name="Alg">Algorithm: <c>ES256</c>.</param>
public sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);
