using Crm.Domain.Errors;
using Crm.Infrastructure.Identity;
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
            if (context.Features.Get<ApiKeyFailure>() is { } keyFailure)
            {
                await Problems.WriteAsync(context, Problems.Create(ErrorCatalog.InvalidApiKey, keyFailure.Detail));
                return;
            }

            var hasToken = context.Request.Headers.ContainsKey(HeaderNames.Authorization);
            await Problems.WriteAsync(context, hasToken
                ? Problems.Create(ErrorCatalog.InvalidToken)
                : Problems.Create(ErrorCatalog.AuthenticationRequired));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await Problems.WriteAsync(context, Problems.Create(ErrorCatalog.Forbidden));
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
