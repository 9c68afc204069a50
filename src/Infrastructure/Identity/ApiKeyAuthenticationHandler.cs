using System.Security.Claims;
using System.Text.Encodings.Web;
using Crm.Application.ApiKeys.Common;
using Crm.Domain.ApiKeys;
using Crm.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer crm_…</c> or <c>X-Api-Key: crm_…</c> by the SHA-256 of the secret, on every
/// request (no cache), so a revoked or expired key fails from the next request on. The key's last use is written at
/// most once a minute, by one conditional update that parallel requests cannot repeat.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CrmDbContext db,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim naming the key; <c>sub</c> carries the same id, that of the key's service user.</summary>
    public const string ApiKeyClaim = "crm_api_key";

    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request presents an API key rather than an access token (or nothing).</summary>
    public static bool PresentsKey(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName)
        || (request.Headers[HeaderNames.Authorization] is { Count: 1 } values
            && values[0] is { } value
            && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && ApiKeySecrets.LooksLikeKey(value[BearerPrefix.Length..].Trim()));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        string? secret;
        if (headers.TryGetValue(HeaderName, out var keyHeader))
        {
            // One credential per request: a key beside an Authorization header is ambiguous.
            if (keyHeader.Count != 1 || headers.ContainsKey(HeaderNames.Authorization))
            {
                return Fail("Send the API key once: in X-Api-Key or as Authorization: Bearer, not both.");
            }

            secret = keyHeader[0]?.Trim();
        }
        else if (headers[HeaderNames.Authorization] is { Count: 1 } authorization
            && authorization[0] is { } value && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            secret = value[BearerPrefix.Length..].Trim();
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecrets.IsWellFormed(secret))
        {
            return Fail("The API key is not one this service issued.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hash = ApiKeySecrets.Hash(secret!);
        var key = await db.Set<ApiKey>().AsNoTracking()
            .Where(k => k.SecretHash == hash)
            .Select(k => new
            {
                k.Id,
                k.OrganizationId,
                k.Role,
                k.ReadOnly,
                k.RevokedAt,
                k.ExpiresAt,
                k.LastUsedAt,
                Plan = db.Organizations.Where(o => o.Id == k.OrganizationId).Select(o => o.Plan).First(),
                Suspended = db.Organizations.Any(o => o.Id == k.OrganizationId && o.SuspendedAt != null),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (key is null)
        {
            return Fail("The API key is not one this service issued.");
        }

        if (!ApiKey.IsUsable(key.RevokedAt, key.ExpiresAt, now))
        {
            return Fail(key.RevokedAt is not null ? "The API key was revoked." : "The API key has expired.");
        }

        if (ApiKey.IsLastUseStale(key.LastUsedAt, now))
        {
            // Conditional, so that parallel requests of one key write it once.
            var staleBefore = now - ApiKey.LastUsedPrecision;
            await db.Set<ApiKey>()
                .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        Context.Features.Set(new ApiKeyCaller(key.Id, key.OrganizationId, key.Role, key.ReadOnly, key.Plan, key.Suspended));
        var identity = new ClaimsIdentity(
            [new Claim(CrmClaims.UserId, key.Id.ToString()), new Claim(ApiKeyClaim, key.Id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Fail(string detail)
    {
        Context.Features.Set(new ApiKeyFailure(detail));
        return AuthenticateResult.Fail(detail);
    }
}
