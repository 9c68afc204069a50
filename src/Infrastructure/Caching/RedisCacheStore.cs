using System.Text.Json;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Models;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Caching;

/// <summary>The shared cache: answers (as JSON) and tag versions in Redis, seen by every instance at once.</summary>
internal sealed class RedisCacheStore(RedisConnection redis, IOptions<CacheStoreOptions> options) : ICacheStore
{
    private string Prefix => options.Value.RedisPrefix;

    public async Task<object?> GetAsync(string key, Type type, CancellationToken cancellationToken)
    {
        var value = await redis.Database.StringGetAsync(Prefix + "answer:" + key);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)value!, type, TimelineJson.Options);
    }

    public Task SetAsync(string key, object value, Type type, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        redis.Database.StringSetAsync(Prefix + "answer:" + key, JsonSerializer.Serialize(value, type, TimelineJson.Options), timeToLive);

    public async Task<long> GetTagVersionAsync(string tag, CancellationToken cancellationToken)
    {
        var value = await redis.Database.StringGetAsync(Prefix + "tag:" + tag);
        return value.IsNullOrEmpty ? 0 : (long)value;
    }

    public Task InvalidateTagAsync(string tag, CancellationToken cancellationToken) =>
        redis.Database.StringIncrementAsync(Prefix + "tag:" + tag);
}
