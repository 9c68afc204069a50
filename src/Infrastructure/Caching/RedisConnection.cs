using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Infrastructure.Caching;

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

    /// <summary>Publishes to and listens on Redis channels.</summary>
    public ISubscriber Subscriber => _connection.Value.GetSubscriber();

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
