using System.Threading.RateLimiting;
using Crm.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Crm.Infrastructure.RateLimiting;

/// <summary>
/// A token bucket kept in Redis, so that every instance of the service draws from the same bucket. One Lua
/// script refills and takes atomically, on Redis's own clock. When Redis cannot answer, requests pass (the limit
/// fails open) and the failure is logged: a cache outage must not become an API outage.
/// </summary>
public sealed class RedisTokenBucketRateLimiter(
    RedisConnection redis, string key, BucketLimit limit, ILogger logger) : RateLimiter
{
    private const string Script = """
        local capacity = tonumber(ARGV[1])
        local refill_per_ms = tonumber(ARGV[2]) / tonumber(ARGV[4])
        local requested = tonumber(ARGV[3])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
        local tokens = tonumber(state[1]) or capacity
        local ts = tonumber(state[2]) or now
        tokens = math.min(capacity, tokens + math.max(0, now - ts) * refill_per_ms)
        local allowed = 0
        if tokens >= requested then
            tokens = tokens - requested
            allowed = 1
        end
        redis.call('HMSET', KEYS[1], 'tokens', tokens, 'ts', now)
        redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill_per_ms) + 1000)
        return { allowed, tostring(tokens) }
        """;

    private long _available = limit.TokenLimit;

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics GetStatistics() => new() { CurrentAvailablePermits = Interlocked.Read(ref _available) };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        Lease(() => redis.Database.ScriptEvaluate(Script, [key], [limit.TokenLimit, limit.TokensPerPeriod, permitCount, (long)limit.Period.TotalMilliseconds]), permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var result = await redis.Database.ScriptEvaluateAsync(Script, [key], [limit.TokenLimit, limit.TokensPerPeriod, permitCount, (long)limit.Period.TotalMilliseconds]);
            return Lease(() => result, permitCount);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return FailOpen(ex);
        }
    }

    private RateLimitLease Lease(Func<RedisResult> evaluate, int permitCount)
    {
        try
        {
            var values = (RedisResult[])evaluate()!;
            var tokens = double.Parse((string)values[1]!, System.Globalization.CultureInfo.InvariantCulture);
            Interlocked.Exchange(ref _available, (long)Math.Floor(tokens));
            if ((int)values[0] == 1)
            {
                return new BucketLease(true, null);
            }

            var wait = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((permitCount - tokens) / limit.TokensPerPeriod * limit.Period.TotalSeconds)));
            return new BucketLease(false, wait);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return FailOpen(ex);
        }
    }

    private BucketLease FailOpen(Exception ex)
    {
        logger.LogWarning(ex, "The shared rate limit could not be checked in Redis; the request passes");
        return new BucketLease(true, null);
    }

    private sealed class BucketLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
