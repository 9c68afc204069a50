using Crm.Application.Common.Interfaces;
using Crm.Domain.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Infrastructure.Identity;

/// <summary>Issues access tokens as ES256-signed JWTs (RFC 7519) that the JwtBearer handler reads back.</summary>
internal sealed class TokenIssuer(AccessTokenKeys keys, IOptions<TokenOptions> tokenOptions, TimeProvider time)
    : ITokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan RefreshTokenLifetime => tokenOptions.Value.RefreshTokenLifetime;

    public AccessToken IssueAccessToken(User user, Guid sessionId)
    {
        var options = tokenOptions.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            TokenType = AccessTokenKeys.TokenType,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.AccessTokenLifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
                [CrmClaims.SessionId] = sessionId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.CreateVersion7().ToString(),
            },
            SigningCredentials = new SigningCredentials(keys.Current.SecurityKey, SecurityAlgorithms.EcdsaSha256),
        });
        return new AccessToken(token, (int)options.AccessTokenLifetime.TotalSeconds);
    }
}
