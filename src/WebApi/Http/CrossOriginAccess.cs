using Crm.Infrastructure.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Http;

/// <summary>
/// Which browser pages on other origins may call the API (CORS): the origins listed in <c>Cors:AllowedOrigins</c>, none
/// by default. An entry is an exact origin (<c>https://app.example.com</c>) or one with any port
/// (<c>http://localhost:*</c>). Bearer tokens travel in a header, so no credentials mode (cookies) is needed.
/// </summary>
public static class CrossOriginAccess
{
    public static readonly string[] AllowedHeaders = ["Authorization", "Content-Type", "X-Organization-Id", "If-Match", "If-None-Match", "Idempotency-Key", "X-Api-Key", RequestIdMiddleware.HeaderName];

    public static readonly string[] ExposedHeaders =
    [
        "Location", "ETag", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", RequestIdMiddleware.HeaderName, "Content-Disposition",
        "Idempotent-Replayed",
    ];

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddCheckedOptions<CrossOriginOptions>(CrossOriginOptions.Section);
        services.AddSingleton<IValidateOptions<CrossOriginOptions>, CrossOriginOptionsValidation>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, allowed) => cors.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => IsAllowed(allowed.Value.AllowedOrigins, origin))
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>Whether <paramref name="origin"/> matches an entry exactly, or an entry ending in <c>:*</c> with any port.</summary>
    public static bool IsAllowed(IReadOnlyCollection<string> allowed, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var asked) || asked.PathAndQuery != "/" || !string.IsNullOrEmpty(asked.UserInfo))
        {
            return false;
        }

        foreach (var entry in allowed)
        {
            if (entry.EndsWith(":*", StringComparison.Ordinal))
            {
                if (Uri.TryCreate(entry[..^2], UriKind.Absolute, out var pattern)
                    && string.Equals(pattern.Scheme, asked.Scheme, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(pattern.Host, asked.Host, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (string.Equals(entry.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
