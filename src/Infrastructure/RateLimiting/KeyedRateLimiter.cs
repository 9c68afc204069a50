using Crm.Application.Common.RateLimiting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.RateLimiting;

/// <summary>
/// The keyed limits of one instance: a sliding log of uses per key, checked and taken under one lock, so parallel
/// requests cannot pass together. Used alone without Redis, and by <see cref="RedisKeyedRateLimiter"/> as each
/// instance's own count. Logs are dropped once their newest use has left the window.
/// </summary>
public sealed class KeyedRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time) : IKeyedRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _logs = [];
    private DateTimeOffset _nextSweep;

    public Task<KeyedLimitDecision> TryAcquireAsync(KeyedLimit limit, string key, CancellationToken cancellationToken) =>
        Task.FromResult(TryAcquire(limit, key));

    public KeyedLimitDecision TryAcquire(KeyedLimit limit, string key) => TryAcquire(limit, key, out _);

    /// <summary>Takes a slot, answering when it was taken so that <see cref="GiveBack"/> can return it.</summary>
    public KeyedLimitDecision TryAcquire(KeyedLimit limit, string key, out DateTimeOffset takenAt)
    {
        takenAt = default;
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

        var now = time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            var id = $"{limit}:{key}";
            if (!_logs.TryGetValue(id, out var uses))
            {
                _logs[id] = uses = [];
            }

            uses.RemoveAll(at => at <= now - window.Window);
            if (uses.Count >= window.Limit)
            {
                return new KeyedLimitDecision(false, window.Limit, 0, uses[^window.Limit] + window.Window - now);
            }

            uses.Add(now);
            takenAt = now;
            return new KeyedLimitDecision(true, window.Limit, window.Limit - uses.Count, uses[0] + window.Window - now);
        }
    }

    /// <summary>Returns a slot taken at <paramref name="takenAt"/>: the shared count refused what this one admitted.</summary>
    public void GiveBack(KeyedLimit limit, string key, DateTimeOffset takenAt)
    {
        lock (_gate)
        {
            if (_logs.TryGetValue($"{limit}:{key}", out var uses))
            {
                uses.Remove(takenAt);
            }
        }
    }

    /// <summary>Bounds memory: at most once a minute, drops the logs whose uses have all expired.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now.AddMinutes(1);
        var longest = Enum.GetValues<KeyedLimit>().Max(l => options.Value.For(l).Window);
        foreach (var id in _logs.Where(l => l.Value.Count == 0 || l.Value[^1] <= now - longest).Select(l => l.Key).ToList())
        {
            _logs.Remove(id);
        }
    }
}
