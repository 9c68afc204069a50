using System.Globalization;
using System.Threading.RateLimiting;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Infrastructure.Caching;
using Crm.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Http;

/// <summary>
/// ASP.NET Core's rate limiter with two chained token buckets for every signed-in request: one per user (an API key
/// has its own, in place of a user's) and one per organization, sized by the organization's plan; endpoints open without signing in (marked
/// <see cref="LimitedPerClientAddress"/>) take a bucket per client address instead. With Redis configured the buckets live there, so the limits
/// hold across instances. Limited responses carry RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; a
/// refusal is a 429 problem with Retry-After.
/// </summary>
public sealed class CrmRateLimiting
{
    private readonly RateLimitOptions _options;
    private readonly Func<string, BucketLimit, RateLimitPartition<string>> _partition;

    public CrmRateLimiting(
        IOptions<RateLimitOptions> options, IOptions<CacheStoreOptions> caching, RedisConnection redis, ILogger<CrmRateLimiting> logger)
    {
        _options = options.Value;
        var prefix = caching.Value.RedisPrefix + "rate:";
        _partition = string.IsNullOrWhiteSpace(caching.Value.Redis)
            ? (key, limit) => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.TokenLimit,
                TokensPerPeriod = limit.TokensPerPeriod,
                ReplenishmentPeriod = limit.Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : (key, limit) => RateLimitPartition.Get(key, k => (RateLimiter)new RedisTokenBucketRateLimiter(redis, prefix + k, limit, logger));
        PerClient = PartitionedRateLimiter.Create<HttpContext, string>(ClientPartition);
        PerUser = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, perUser: true));
        PerOrganization = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, perUser: false));
        Limiter = PartitionedRateLimiter.CreateChained(PerClient, PerUser, PerOrganization);
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    private PartitionedRateLimiter<HttpContext> PerClient { get; }

    private PartitionedRateLimiter<HttpContext> PerUser { get; }

    private PartitionedRateLimiter<HttpContext> PerOrganization { get; }

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddSingleton<CrmRateLimiting>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CrmRateLimiting>((options, limits) =>
        {
            options.GlobalLimiter = limits.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => limits.RejectAsync(rejected.HttpContext, rejected.Lease);
        });
        return services;
    }

    /// <summary>Adds the RateLimit-* headers of the request's tightest bucket (after the limiter admitted it).</summary>
    public Task AddHeaders(HttpContext http, RequestDelegate next)
    {
        if (Tightest(http) is { } bucket)
        {
            SetHeaders(http, bucket.Limit, bucket.Available);
        }

        return next(http);
    }

    private async ValueTask RejectAsync(HttpContext http, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        if (Tightest(http) is { } bucket)
        {
            SetHeaders(http, bucket.Limit, 0);
        }

        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var which = IsLimitedPerClient(http)
            ? "Too many requests from this client address."
            : http.RequestServices.GetRequiredService<RequestContext>().ApiKeyId is not null
                ? "Too many requests for the plan's limit per API key or per organization."
                : "Too many requests for the plan's limit per user or per organization.";
        await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.RateLimited, $"{which} Retry after {seconds} seconds."));
    }

    private static bool IsLimitedPerClient(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<LimitedPerClientAddress>() is not null;

    private RateLimitPartition<string> ClientPartition(HttpContext http)
    {
        if (!_options.Enabled || !IsLimitedPerClient(http))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var client = http.RequestServices.GetRequiredService<RequestContext>().ClientAddress ?? "unknown";
        return _partition($"client:{client}", _options.PerClientAddress);
    }

    private RateLimitPartition<string> Partition(HttpContext http, bool perUser)
    {
        var context = http.RequestServices.GetRequiredService<RequestContext>();
        if (!_options.Enabled || context.UserId is not { } user || (!perUser && context.OrganizationId is null))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var plan = _options.For(context.Plan);
        return perUser
            ? context.ApiKeyId is { } key
                ? _partition($"api_key:{key}:{context.Plan}", plan.PerApiKey)
                : _partition($"user:{user}:{context.Plan}", plan.PerUser)
            : _partition($"organization:{context.OrganizationId}", plan.PerOrganization);
    }

    private (BucketLimit Limit, long Available)? Tightest(HttpContext http)
    {
        var context = http.RequestServices.GetRequiredService<RequestContext>();
        if (_options.Enabled && IsLimitedPerClient(http))
        {
            var limit = _options.PerClientAddress;
            return (limit, PerClient.GetStatistics(http)?.CurrentAvailablePermits ?? limit.TokenLimit);
        }

        if (!_options.Enabled || context.UserId is null)
        {
            return null;
        }

        var plan = _options.For(context.Plan);
        var own = context.ApiKeyId is null ? plan.PerUser : plan.PerApiKey;
        var user = (own, PerUser.GetStatistics(http)?.CurrentAvailablePermits ?? own.TokenLimit);
        if (context.OrganizationId is null)
        {
            return user;
        }

        var organization = (plan.PerOrganization, PerOrganization.GetStatistics(http)?.CurrentAvailablePermits ?? plan.PerOrganization.TokenLimit);
        return organization.Item2 < user.Item2 ? organization : user;
    }

    private static void SetHeaders(HttpContext http, BucketLimit limit, long available)
    {
        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = limit.TokenLimit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Math.Max(0, available).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = limit.SecondsToRefill(available).ToString(CultureInfo.InvariantCulture);
    }
}
