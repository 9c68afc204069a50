using Crm.Application.Common.RateLimiting;
using Crm.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Infrastructure.RateLimiting;

/// <summary>
/// The keyed limits shared by every instance: each use is a member of a Redis sorted set scored by its time, and one
/// script drops the expired uses, checks the count and takes the slot, so parallel requests on any instance cannot
/// pass together. Each instance also keeps its own exact count, taken first, which alone holds while Redis cannot be
/// reached (so an outage, or a connection still being made, never lets one instance past the limit).
/// </summary>
public sealed class RedisKeyedRateLimiter(
    RedisConnection redis,
    IOptions<CacheStoreOptions> caching,
    IOptions<RateLimitOptions> options,
    KeyedRateLimiter local,
    TimeProvider time,
    ILogger<RedisKeyedRateLimiter> logger) : IKeyedRateLimiter
{
    /// <summary>Answers {admitted, uses in the window, milliseconds until the oldest counted use leaves it}.</summary>
    private const string Script = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local max = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local count = redis.call('ZCARD', KEYS[1])
        if count >= max then
          local oldest = redis.call('ZRANGE', KEYS[1], -max, -max, 'WITHSCORES')
          return { 0, count, tonumber(oldest[2]) + window - now }
        end
        redis.call('ZADD', KEYS[1], now, ARGV[4])
        redis.call('PEXPIRE', KEYS[1], window + 5000)
        local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return { 1, count + 1, tonumber(first[2]) + window - now }
        """;

    public async Task<KeyedLimitDecision> TryAcquireAsync(KeyedLimit limit, string key, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var window = settings.For(limit);
        if (!settings.Enabled)
        {
            return new KeyedLimitDecision(true, window.Limit, window.Limit, TimeSpan.Zero);
        }

        if (window.Limit <= 0)
        {
            // Configured shut: nothing passes, and there is no oldest use to wait for.
            return new KeyedLimitDecision(false, 0, 0, window.Window);
        }

        // This instance's own count first: exact here even when Redis is slow or down.
        var own = local.TryAcquire(limit, key, out var takenAt);
        if (!own.Admitted)
        {
            return own;
        }

        try
        {
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(
                Script,
                [caching.Value.RedisPrefix + $"keyed-limit:{limit}:{key}"],
                [time.GetUtcNow().ToUnixTimeMilliseconds(), (long)window.Window.TotalMilliseconds, window.Limit, Guid.NewGuid().ToString("N")]))!;
            var admitted = (int)result[0] == 1;
            if (!admitted)
            {
                local.GiveBack(limit, key, takenAt);
            }

            var remaining = Math.Min(own.Remaining, Math.Max(0, window.Limit - (int)result[1]));
            return new KeyedLimitDecision(admitted, window.Limit, admitted ? remaining : 0, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[2])));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The shared keyed rate limit could not be checked in Redis; this instance's count holds alone");
            return own;
        }
    }
}
