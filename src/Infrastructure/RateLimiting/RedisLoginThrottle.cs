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
/// The sign-in throttle shared by every instance: each attempt is a member of a Redis sorted set scored by its
/// time, so the window slides exactly as in <see cref="LoginThrottle"/>. One script checks every key and reserves
/// the slot in all of them, so parallel attempts on any instance cannot pass together. Each instance also keeps
/// its own exact count, which alone holds while Redis cannot be reached.
/// </summary>
internal sealed class RedisLoginThrottle(
    RedisConnection redis,
    IOptions<CacheStoreOptions> caching,
    IOptions<LoginThrottleOptions> options,
    IMemoryCache fallbackCache,
    TimeProvider time,
    ILogger<RedisLoginThrottle> logger) : ILoginThrottle
{
    /// <summary>Answers 0 when reserved, otherwise the milliseconds to wait.</summary>
    private const string ReserveScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local max = tonumber(ARGV[3])
        local wait = 0
        for _, key in ipairs(KEYS) do
          redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
          if redis.call('ZCARD', key) >= max then
            local oldest = redis.call('ZRANGE', key, -max, -max, 'WITHSCORES')
            local keyWait = tonumber(oldest[2]) + window - now
            if keyWait > wait then wait = keyWait end
          end
        end
        if wait > 0 then return wait end
        for _, key in ipairs(KEYS) do
          redis.call('ZADD', key, now, ARGV[4])
          redis.call('PEXPIRE', key, window + 5000)
        end
        return 0
        """;

    private readonly LoginThrottle _local = new(fallbackCache, options, time);

    public async Task<LoginAttempt> TryReserveAsync(string email, string? clientAddress)
    {
        // This instance's own count first: exact here even when Redis is slow or down.
        var attempt = _local.TryReserve(email, clientAddress);
        if (!attempt.Admitted)
        {
            return attempt;
        }

        try
        {
            var window = (long)options.Value.Window.TotalMilliseconds;
            var wait = (long)await redis.Database.ScriptEvaluateAsync(
                ReserveScript,
                Keys(email, clientAddress).ToArray(),
                [time.GetUtcNow().ToUnixTimeMilliseconds(), window, options.Value.MaxFailures, attempt.SlotId]);
            if (wait > 0)
            {
                _local.Release(attempt);
                return attempt with { RetryAfter = TimeSpan.FromMilliseconds(wait) };
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The shared sign-in throttle could not be reached in Redis; this instance's count holds alone");
        }

        return attempt;
    }

    public async Task ReleaseAsync(LoginAttempt attempt)
    {
        _local.Release(attempt);
        try
        {
            foreach (var key in Keys(attempt.Email, attempt.ClientAddress))
            {
                await redis.Database.SortedSetRemoveAsync(key, attempt.SlotId);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "A successful sign-in could not be removed from the shared throttle in Redis");
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
