using Crm.Application.Common.Interfaces;
using Crm.Infrastructure.Caching;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.RateLimiting;
using Crm.TestSupport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class LoginThrottleTests
{
    private static readonly IOptions<LoginThrottleOptions> Limits = Options.Create(new LoginThrottleOptions { MaxFailures = 5 });

    [Test]
    public async Task Parallel_attempts_in_memory_reserve_at_most_the_allowed_slots()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var throttle = new LoginThrottle(cache, Limits, TimeProvider.System);

        var admitted = await ReserveInParallel(throttle, 200);

        admitted.Count.ShouldBe(5);
        (await throttle.TryReserveAsync("a@example.com", "10.0.0.9")).Admitted.ShouldBeFalse();
    }

    [Test]
    public async Task Parallel_attempts_through_Redis_reserve_at_most_the_allowed_slots_across_instances()
    {
        var caching = Options.Create(new CacheStoreOptions { Redis = TestRedis.Configuration, RedisPrefix = $"test-{Guid.NewGuid():N}:" });
        using var firstConnection = new RedisConnection(caching);
        using var secondConnection = new RedisConnection(caching);
        using var firstCache = new MemoryCache(new MemoryCacheOptions());
        using var secondCache = new MemoryCache(new MemoryCacheOptions());
        var first = Redis(firstConnection, caching, firstCache);
        var second = Redis(secondConnection, caching, secondCache);

        // Connected first, as a running service is: an attempt that cannot reach Redis is counted by its instance only.
        await firstConnection.Database.PingAsync();
        await secondConnection.Database.PingAsync();

        var admitted = await ReserveInParallel(first, 100);
        admitted.AddRange(await ReserveInParallel(second, 100));

        admitted.Count.ShouldBe(5);
    }

    [Test]
    public async Task A_released_attempt_gives_its_slot_back_in_Redis_and_in_memory()
    {
        var caching = Options.Create(new CacheStoreOptions { Redis = TestRedis.Configuration, RedisPrefix = $"test-{Guid.NewGuid():N}:" });
        using var connection = new RedisConnection(caching);
        using var redisCache = new MemoryCache(new MemoryCacheOptions());
        using var cache = new MemoryCache(new MemoryCacheOptions());
        foreach (var throttle in new ILoginThrottle[] { Redis(connection, caching, redisCache), new LoginThrottle(cache, Limits, TimeProvider.System) })
        {
            var attempts = new List<LoginAttempt>();
            for (var i = 0; i < 5; i++)
            {
                attempts.Add(await throttle.TryReserveAsync("b@example.com", "10.0.0.2"));
            }

            (await throttle.TryReserveAsync("b@example.com", "10.0.0.2")).Admitted.ShouldBeFalse();

            await throttle.ReleaseAsync(attempts[0]);

            (await throttle.TryReserveAsync("b@example.com", "10.0.0.2")).Admitted.ShouldBeTrue();
            (await throttle.TryReserveAsync("b@example.com", "10.0.0.2")).Admitted.ShouldBeFalse();
        }
    }

    private static RedisLoginThrottle Redis(RedisConnection connection, IOptions<CacheStoreOptions> caching, IMemoryCache cache) =>
        new(connection, caching, Limits, cache, TimeProvider.System, NullLogger<RedisLoginThrottle>.Instance);

    private static async Task<List<LoginAttempt>> ReserveInParallel(ILoginThrottle throttle, int attempts)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, attempts).Select(_ =>
            Task.Run(() => throttle.TryReserveAsync("a@example.com", "10.0.0.1"))));
        return results.Where(r => r.Admitted).ToList();
    }
}
