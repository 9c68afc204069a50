using System.Security.Claims;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>Issues access tokens in the format the bearer token scheme reads back.</summary>
internal sealed class TokenIssuer(
    IOptionsMonitor<BearerTokenOptions> bearerOptions, IOptions<TokenOptions> tokenOptions, TimeProvider time)
    : ITokenIssuer
{
    public TimeSpan RefreshTokenLifetime => tokenOptions.Value.RefreshTokenLifetime;

    public AccessToken IssueAccessToken(User user, Guid sessionId)
    {
        var options = bearerOptions.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = time.GetUtcNow();
        var identity = new ClaimsIdentity(
            [
                new Claim(CrmClaims.UserId, user.Id.ToString()),
                new Claim(CrmClaims.SessionId, sessionId.ToString()),
            ],
            BearerTokenDefaults.AuthenticationScheme,
            CrmClaims.UserId,
            roleType: null);
        var properties = new AuthenticationProperties
        {
            IssuedUtc = now,
            ExpiresUtc = now + options.BearerTokenExpiration,
        };
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), properties, BearerTokenDefaults.AuthenticationScheme);
        return new AccessToken(
            options.BearerTokenProtector.Protect(ticket), (int)options.BearerTokenExpiration.TotalSeconds);
    }
}
