using Crm.Application.Common.Interfaces;
using Crm.Domain.Users;
using Crm.Infrastructure.Caching;
using Crm.Infrastructure.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Infrastructure.RateLimiting;

/// <summary>
/// The sign-in throttle shared by every instance: each failure is a member of a Redis sorted set scored by its
/// time, so the window slides exactly as in <see cref="LoginThrottle"/>. Without Redis it falls back to this
/// instance's own count.
/// </summary>
internal sealed class RedisLoginThrottle(
    RedisConnection redis,
    IOptions<CacheStoreOptions> caching,
    IOptions<LoginThrottleOptions> options,
    IMemoryCache fallbackCache,
    TimeProvider time,
    ILogger<RedisLoginThrottle> logger) : ILoginThrottle
{
    private readonly LoginThrottle _fallback = new(fallbackCache, options, time);

    public TimeSpan? RetryAfter(string email, string? clientAddress)
    {
        try
        {
            var now = time.GetUtcNow();
            var window = options.Value.Window;
            TimeSpan? wait = null;
            foreach (var key in Keys(email, clientAddress))
            {
                redis.Database.SortedSetRemoveRangeByScore(key, double.NegativeInfinity, (now - window).ToUnixTimeMilliseconds());
                var recent = redis.Database.SortedSetRangeByRankWithScores(key, 0, -1);
                if (recent.Length >= options.Value.MaxFailures)
                {
                    var oldest = DateTimeOffset.FromUnixTimeMilliseconds((long)recent[^options.Value.MaxFailures].Score);
                    var keyWait = oldest + window - now;
                    wait = wait is null || keyWait > wait ? keyWait : wait;
                }
            }

            return wait;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The shared sign-in throttle could not be read from Redis; using this instance's count");
            return _fallback.RetryAfter(email, clientAddress);
        }
    }

    public void RecordFailure(string email, string? clientAddress)
    {
        _fallback.RecordFailure(email, clientAddress);
        try
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var key in Keys(email, clientAddress))
            {
                redis.Database.SortedSetAdd(key, $"{now}:{Guid.NewGuid():N}", now);
                redis.Database.KeyExpire(key, options.Value.Window + TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The shared sign-in throttle could not be written to Redis");
        }
    }

    private IEnumerable<RedisKey> Keys(string email, string? clientAddress)
    {
        var prefix = caching.Value.RedisPrefix + "login-failures:";
        yield return prefix + "email:" + User.Normalize(email);
        if (!string.IsNullOrEmpty(clientAddress))
        {
            yield return prefix + "client:" + clientAddress;
        }
    }
}
