using Crm.Application.Analytics.Queries.DealFunnel;
using Crm.Domain.Deals;
using Crm.Infrastructure.Caching;
using Crm.TestSupport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class CacheStoreTests
{
    private static readonly DealFunnelDto Answer = new(
        [new FunnelStage(DealStage.Qualification, 3, new Dictionary<DealStatus, int> { [DealStatus.New] = 3 }, 3, null)]);

    [Test]
    public async Task Redis_keeps_typed_answers_and_tag_versions_shared_by_every_connection()
    {
        var options = Options.Create(new CacheStoreOptions { Redis = TestRedis.Configuration, RedisPrefix = $"test-{Guid.NewGuid():N}:" });
        using var first = new RedisConnection(options);
        using var second = new RedisConnection(options);
        var writer = new RedisCacheStore(first, options);
        var reader = new RedisCacheStore(second, options);

        await writer.SetAsync("funnel", Answer, typeof(DealFunnelDto), TimeSpan.FromMinutes(1), CancellationToken.None);
        var read = (DealFunnelDto?)await reader.GetAsync("funnel", typeof(DealFunnelDto), CancellationToken.None);
        var before = await reader.GetTagVersionAsync("org:deals", CancellationToken.None);
        await writer.InvalidateTagAsync("org:deals", CancellationToken.None);

        read!.Stages.ShouldHaveSingleItem().Reached.ShouldBe(3);
        read.Stages[0].ByStatus[DealStatus.New].ShouldBe(3);
        (await reader.GetTagVersionAsync("org:deals", CancellationToken.None)).ShouldBe(before + 1);
        (await reader.GetAsync("missing", typeof(DealFunnelDto), CancellationToken.None)).ShouldBeNull();
    }

    [Test]
    public async Task PostgreSQL_tag_versions_are_shared_by_every_instance()
    {
        await using var database = await TestDatabase.CreateAsync("crm_test_cache_tags");
        using var firstMemory = new MemoryCache(new MemoryCacheOptions());
        using var secondMemory = new MemoryCache(new MemoryCacheOptions());
        var first = new PostgresVersionedCacheStore(firstMemory, database.DataSource);
        var second = new PostgresVersionedCacheStore(secondMemory, database.DataSource);

        (await second.GetTagVersionAsync("org:deals", CancellationToken.None)).ShouldBe(0);
        await first.InvalidateTagAsync("org:deals", CancellationToken.None);
        await first.InvalidateTagAsync("org:deals", CancellationToken.None);

        (await second.GetTagVersionAsync("org:deals", CancellationToken.None)).ShouldBe(2);
    }

    [Test]
    public async Task A_cache_that_is_down_fails_fast_and_then_is_left_alone()
    {
        var options = Options.Create(new CacheStoreOptions { Redis = TestRedis.Unreachable, Timeout = TimeSpan.FromMilliseconds(100) });
        using var connection = new RedisConnection(options);
        var cache = new ResilientCacheStore(new RedisCacheStore(connection, options), options, NullLogger<ResilientCacheStore>.Instance);

        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<Exception>(() => cache.GetTagVersionAsync("tag", CancellationToken.None));
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        await Should.ThrowAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => cache.GetTagVersionAsync("tag", CancellationToken.None));
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "an open circuit answers without trying the cache");
    }
}
