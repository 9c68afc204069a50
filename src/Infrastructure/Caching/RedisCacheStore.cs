using System.Text.Json;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Models;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

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

/// <summary>One connection to Redis for the whole service, made when first needed; reconnects by itself.</summary>
public sealed class RedisConnection(IOptions<CacheStoreOptions> options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)options.Value.Timeout.TotalMilliseconds * 4;
        configuration.SyncTimeout = (int)options.Value.Timeout.TotalMilliseconds * 4;
        return ConnectionMultiplexer.Connect(configuration);
    });

    public IDatabase Database => _connection.Value.GetDatabase();

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
