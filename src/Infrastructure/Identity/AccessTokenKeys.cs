using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// The configured signing keys, read once: the first signs, all of them verify, and their public halves are
/// published as a JWK set. Also the one place that says what a valid access token is.
/// </summary>
public sealed class AccessTokenKeys
{
    /// <summary>The JWT <c>typ</c> of access tokens (RFC 9068), so that no other kind of token passes for one.</summary>
    public const string TokenType = "at+jwt";

    /// <summary>An access token is a few hundred bytes; anything much longer is refused before it is parsed.</summary>
    public const int MaxTokenLength = 4096;

    private readonly TokenOptions _options;

    public AccessTokenKeys(IOptions<TokenOptions> options)
    {
        _options = options.Value;
        Keys = _options.SigningKeys
            .Select(k => SigningKey.TryRead(k) ?? throw new InvalidOperationException("Auth:SigningKeys holds an unreadable key."))
            .DistinctBy(k => k.Kid)
            .ToList();
        PublicKeys = new JwkSet(Keys.Select(k => k.PublicKey).ToList());
    }

    public IReadOnlyList<SigningKey> Keys { get; }

    public SigningKey Current => Keys[0];

    public JwkSet PublicKeys { get; }

    /// <summary>
    /// What the JwtBearer handler checks: signature by one of the configured keys (by <c>kid</c>), ES256 only,
    /// issuer, audience, token type, and lifetime with a small clock skew.
    /// </summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = _options.Issuer,
        ValidAudience = _options.Audience,
        ValidTypes = [TokenType],
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        IssuerSigningKeys = Keys.Select(k => k.SecurityKey).ToList(),
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        // A token naming no known kid is refused rather than tried against every key.
        TryAllIssuerSigningKeys = false,
        ClockSkew = _options.ClockSkew,
        NameClaimType = CrmClaims.UserId,
        RoleClaimType = "role",
    };
}
