namespace Crm.Infrastructure.Identity;

/// <summary>An RFC 7517 JWK set: every public key that access tokens may be signed with, the signing one first.</summary>
public sealed record JwkSet(IReadOnlyList<Jwk> Keys);
