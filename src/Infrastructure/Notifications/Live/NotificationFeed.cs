using System.Collections.Concurrent;
using Crm.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>
/// Wakes the event streams of people whose notifications were just stored: on this instance directly and, with Redis
/// configured, on every instance through one Redis channel. A wake carries no data: the stream reads what is new from
/// the database, so a lost wake delays a notification until the stream's next heartbeat, never loses it.
/// </summary>
public sealed class NotificationFeed(RedisConnection redis, IOptions<CacheStoreOptions> cache, ILogger<NotificationFeed> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<FeedSubscription, byte>> _subscribers = new();
    private readonly Lock _lock = new();
    private Task? _listening;

    private RedisChannel Channel => RedisChannel.Literal(cache.Value.RedisPrefix + "notifications:stored");

    public async Task<FeedSubscription> SubscribeAsync(Guid userId)
    {
        var subscription = new FeedSubscription(userId);
        _subscribers.GetOrAdd(userId, _ => new()).TryAdd(subscription, 0);
        if (cache.Value.UsesRedis)
        {
            Task listening;
            lock (_lock)
            {
                listening = _listening ??= redis.Subscriber.SubscribeAsync(Channel, (_, message) => WakeFromOtherInstance(message));
            }

            try
            {
                await listening;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Without Redis the stream still finds what other instances stored, at its next heartbeat; the next
                // stream to open tries to listen again.
                logger.LogWarning(ex, "Listening for notifications stored on other instances failed");
                lock (_lock)
                {
                    if (ReferenceEquals(_listening, listening))
                    {
                        _listening = null;
                    }
                }
            }
        }

        return subscription;
    }

    public void Unsubscribe(FeedSubscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.UserId, out var mine))
        {
            mine.TryRemove(subscription, out _);
        }
    }

    /// <summary>Wakes the streams of these people, here and on the other instances.</summary>
    public async Task PublishAsync(IReadOnlyCollection<Guid> userIds)
    {
        WakeHere(userIds);
        if (!cache.Value.UsesRedis)
        {
            return;
        }

        try
        {
            await redis.Subscriber.PublishAsync(Channel, string.Join(',', userIds));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Waking the notification streams of other instances failed; they find the notifications at their next heartbeat");
        }
    }

    private void WakeFromOtherInstance(RedisValue message)
    {
        var ids = ((string?)message ?? string.Empty).Split(',');
        var userIds = ids.Select(id => Guid.TryParse(id, out var user) ? user : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (userIds.Count < ids.Length)
        {
            logger.LogWarning("A notification wake-up from another instance named an unreadable person");
        }

        WakeHere(userIds);
    }

    private void WakeHere(IEnumerable<Guid> userIds)
    {
        foreach (var userId in userIds)
        {
            if (_subscribers.TryGetValue(userId, out var mine))
            {
                foreach (var subscription in mine.Keys)
                {
                    subscription.Wake();
                }
            }
        }
    }
}
