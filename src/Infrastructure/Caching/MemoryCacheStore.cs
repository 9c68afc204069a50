using Crm.Application.Common.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Infrastructure.Caching;

/// <summary>
/// The cache of one service instance. Invalidation bumps a tag's version, which every key includes, so an
/// invalidated answer is never read again and expires on its own.
/// </summary>
internal sealed class MemoryCacheStore(IMemoryCache cache) : ICacheStore
{
    private const string TagPrefix = "cache-tag:";

    public Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class => Task.FromResult(cache.Get<T>(key));

    public Task SetAsync<T>(string key, T value, TimeSpan timeToLive, CancellationToken cancellationToken)
        where T : class
    {
        cache.Set(key, value, timeToLive);
        return Task.CompletedTask;
    }

    public Task<long> GetTagVersionAsync(string tag, CancellationToken cancellationToken) =>
        Task.FromResult(Version(tag).Value);

    public Task InvalidateTagAsync(string tag, CancellationToken cancellationToken)
    {
        Version(tag).Increment();
        return Task.CompletedTask;
    }

    /// <summary>Tag versions are never evicted, and start from the clock so that a recreated one never repeats.</summary>
    private TagVersion Version(string tag) => cache.GetOrCreate(TagPrefix + tag, entry =>
    {
        entry.Priority = CacheItemPriority.NeverRemove;
        return new TagVersion(DateTime.UtcNow.Ticks);
    })!;

    private sealed class TagVersion(long start)
    {
        private long _value = start;

        public long Value => Interlocked.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
