using System.Security.Claims;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Crm.WebApi.Http;

/// <summary>
/// Resolves who is calling and in which organization, once per request, into the scoped
/// <see cref="RequestContext"/> that every handler reads. Refuses a revoked session (401), a missing or malformed
/// organization header (400), an organization the caller does not belong to (403), a suspended one (403), and one that requires two-factor
/// sign-in of a caller without it (403), but for the few endpoints that let such a member find out why or leave. An API
/// key is its organization's service member: its organization and role come from the key.
/// </summary>
public sealed class RequestContextMiddleware(RequestDelegate next, ILogger<RequestContextMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, RequestContext context, RequestContextResolver resolver)
    {
        context.SetClient(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && http.Features.Get<ApiKeyCaller>() is { } key && http.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.ApiKeyClaim))
        {
            await InvokeForApiKeyAsync(http, context, endpoint, key);
            return;
        }

        if (endpoint?.Metadata.GetMetadata<IAuthorizeData>() is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || !TryReadCaller(http.User, out var userId, out var sessionId))
        {
            await next(http);
            return;
        }

        Guid? organizationId = null;
        if (endpoint.Metadata.GetMetadata<OrganizationScope>() is { } scope)
        {
            organizationId = ReadOrganizationId(http, scope);
            if (organizationId is null)
            {
                await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.OrganizationHeaderRequired));
                return;
            }
        }

        var caller = await resolver.ResolveAsync(userId, sessionId, organizationId, http.RequestAborted);
        if (!caller.SessionActive)
        {
            await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.SessionRevoked));
            return;
        }

        context.SetUser(userId, sessionId);
        if (organizationId is { } id)
        {
            if (caller.Role is null)
            {
                await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.OrganizationAccessDenied));
                return;
            }

            // Checked on every request (the caller's state is never cached), so a suspension takes effect at once.
            if (caller.OrganizationSuspended)
            {
                await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.OrganizationSuspended));
                return;
            }

            if (!caller.MeetsTwoFactorRequirement && !IsExempt(http, endpoint, userId))
            {
                await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.TwoFactorRequiredByOrganization));
                return;
            }

            context.SetOrganization(id, caller.Role, caller.Plan);
        }

        // Every log line of the rest of the request names its caller and organization (the trace id is already
        // in scope): ids only, never bodies.
        using (logger.BeginScope(new Dictionary<string, object?> { ["user_id"] = userId, ["organization_id"] = organizationId }))
        {
            await next(http);
        }
    }

    /// <summary>
    /// An API key acts in its one organization: the X-Organization-Id header (or the route's organization) may name it
    /// and nothing else. Endpoints that name no organization are about a person's account (me, sessions, two-factor
    /// sign-in, password, invitations, one's organizations): a key is refused there with 403, not 401, since the key
    /// itself is valid and asking again with it would not help.
    /// </summary>
    private async Task InvokeForApiKeyAsync(HttpContext http, RequestContext context, Endpoint endpoint, ApiKeyCaller key)
    {
        if (endpoint.Metadata.GetMetadata<OrganizationScope>() is not { } scope)
        {
            await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.ApiKeyNotAllowed));
            return;
        }

        var named = scope.RouteValue is null && !http.Request.Headers.ContainsKey(OrganizationScope.HeaderName)
            ? key.OrganizationId
            : ReadOrganizationId(http, scope);
        if (named is null)
        {
            await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.OrganizationHeaderRequired));
            return;
        }

        if (named != key.OrganizationId)
        {
            await Problems.WriteAsync(http, Problems.Create(
                ErrorCatalog.OrganizationAccessDenied, "An API key acts only in the organization that created it."));
            return;
        }

        if (key.OrganizationSuspended)
        {
            await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.OrganizationSuspended));
            return;
        }

        context.SetApiKey(key.ApiKeyId, key.ReadOnly);
        context.SetOrganization(key.OrganizationId, key.Role, key.Plan);
        using (logger.BeginScope(new Dictionary<string, object?> { ["api_key_id"] = key.ApiKeyId, ["organization_id"] = key.OrganizationId }))
        {
            await next(http);
        }
    }

    /// <summary>Whether the endpoint stays open to a member the organization's two-factor requirement shuts out.</summary>
    private static bool IsExempt(HttpContext http, Endpoint endpoint, Guid userId) =>
        endpoint.Metadata.GetMetadata<TwoFactorExemption>() is { } exemption
        && (exemption.SelfRouteValue is null
            || (Guid.TryParse(http.GetRouteValue(exemption.SelfRouteValue)?.ToString(), out var target) && target == userId));

    private static bool TryReadCaller(ClaimsPrincipal user, out Guid userId, out Guid sessionId)
    {
        sessionId = Guid.Empty;
        return Guid.TryParse(user.FindFirstValue(CrmClaims.UserId), out userId)
            && Guid.TryParse(user.FindFirstValue(CrmClaims.SessionId), out sessionId);
    }

    private static Guid? ReadOrganizationId(HttpContext http, OrganizationScope scope)
    {
        var raw = scope.RouteValue is null
            ? http.Request.Headers[OrganizationScope.HeaderName].ToString()
            : http.GetRouteValue(scope.RouteValue)?.ToString();
        return Guid.TryParse(raw, out var id) ? id : null;
    }
}
