using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Net.Http.Headers;

namespace Crm.WebApi.Http;

/// <summary>Answers the authorization middleware's 401 and 403 with problem responses instead of empty bodies.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(
        RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            await context.ChallengeAsync();
            var hasToken = context.Request.Headers.ContainsKey(HeaderNames.Authorization);
            await Problems.WriteAsync(context, hasToken
                ? Problems.Create(401, "invalid_token", "The access token is invalid or has expired.")
                : Problems.Create(401, "authentication_required", "Send an access token: Authorization: Bearer <token>."));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await Problems.WriteAsync(context, Problems.Create(403, "forbidden", "You may not do this."));
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
