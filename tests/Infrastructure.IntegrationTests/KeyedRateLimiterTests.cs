using Crm.Application.Common.RateLimiting;
using Crm.Infrastructure.Caching;
using Crm.Infrastructure.RateLimiting;
using Crm.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class KeyedRateLimiterTests
{
    private static readonly IOptions<RateLimitOptions> Limits = Options.Create(new RateLimitOptions
    {
        RegisterPerEmail = new WindowLimit(5, TimeSpan.FromHours(1)),
        ForgotPasswordPerEmail = new WindowLimit(2, TimeSpan.FromHours(1)),
    });

    [Test]
    public async Task Parallel_requests_in_memory_take_at_most_the_limit()
    {
        var limiter = new KeyedRateLimiter(Limits, TimeProvider.System);

        var decisions = await AcquireInParallel(limiter, 200);

        decisions.Count(d => d.Admitted).ShouldBe(5);
        decisions.Where(d => !d.Admitted).ShouldAllBe(d => d.Remaining == 0 && d.Reset > TimeSpan.Zero && d.Reset <= TimeSpan.FromHours(1));
    }

    [Test]
    public async Task Parallel_requests_through_Redis_take_at_most_the_limit_across_instances()
    {
        var caching = Options.Create(new CacheStoreOptions { Redis = TestRedis.Configuration, RedisPrefix = $"test-{Guid.NewGuid():N}:" });
        using var firstConnection = new RedisConnection(caching);
        using var secondConnection = new RedisConnection(caching);
        await firstConnection.Database.PingAsync();
        await secondConnection.Database.PingAsync();
        var first = Redis(firstConnection, caching);
        var second = Redis(secondConnection, caching);

        var decisions = await Task.WhenAll(AcquireInParallel(first, 100), AcquireInParallel(second, 100));

        decisions.SelectMany(d => d).Count(d => d.Admitted).ShouldBe(5);
        decisions.SelectMany(d => d).Where(d => !d.Admitted).ShouldAllBe(d => d.Reset > TimeSpan.Zero && d.Reset <= TimeSpan.FromHours(1));
    }

    [Test]
    public async Task Each_limit_and_key_has_its_own_window_and_counts_down_what_remains()
    {
        var caching = Options.Create(new CacheStoreOptions { Redis = TestRedis.Configuration, RedisPrefix = $"test-{Guid.NewGuid():N}:" });
        using var connection = new RedisConnection(caching);
        foreach (var limiter in new IKeyedRateLimiter[] { Redis(connection, caching), new KeyedRateLimiter(Limits, TimeProvider.System) })
        {
            (await limiter.TryAcquireAsync(KeyedLimit.ForgotPasswordPerEmail, "a@example.com", default)).Remaining.ShouldBe(1);
            (await limiter.TryAcquireAsync(KeyedLimit.ForgotPasswordPerEmail, "a@example.com", default)).Remaining.ShouldBe(0);
            (await limiter.TryAcquireAsync(KeyedLimit.ForgotPasswordPerEmail, "a@example.com", default)).Admitted.ShouldBeFalse();
            (await limiter.TryAcquireAsync(KeyedLimit.ForgotPasswordPerEmail, "b@example.com", default)).Admitted.ShouldBeTrue();
            (await limiter.TryAcquireAsync(KeyedLimit.RegisterPerEmail, "a@example.com", default)).Admitted.ShouldBeTrue();
        }
    }

    [Test]
    public async Task Without_Redis_reachable_the_instance_count_holds()
    {
        // Nothing listens on port 1: every call fails, and the local limiter answers.
        var caching = Options.Create(new CacheStoreOptions { Redis = "127.0.0.1:1", RedisPrefix = "unreachable:", Timeout = TimeSpan.FromMilliseconds(100) });
        using var connection = new RedisConnection(caching);
        var limiter = Redis(connection, caching);

        var decisions = await AcquireInParallel(limiter, 20);

        decisions.Count(d => d.Admitted).ShouldBe(5);
    }

    private static RedisKeyedRateLimiter Redis(RedisConnection connection, IOptions<CacheStoreOptions> caching) =>
        new(connection, caching, Limits, new KeyedRateLimiter(Limits, TimeProvider.System), TimeProvider.System, NullLogger<RedisKeyedRateLimiter>.Instance);

    private static async Task<KeyedLimitDecision[]> AcquireInParallel(IKeyedRateLimiter limiter, int requests) =>
        await Task.WhenAll(Enumerable.Range(0, requests).Select(_ =>
            Task.Run(() => limiter.TryAcquireAsync(KeyedLimit.RegisterPerEmail, "a@example.com", CancellationToken.None))));
}
