namespace Crm.Application.Common.RateLimiting;

/// <summary>
/// Counts uses of a <see cref="KeyedLimit"/> per key in a sliding window, exactly under concurrency (a slot is taken
/// atomically), shared by every instance when the service has a shared store.
/// </summary>
public interface IKeyedRateLimiter
{
    /// <summary>Takes one slot of the key's window, or refuses with the wait.</summary>
    Task<KeyedLimitDecision> TryAcquireAsync(KeyedLimit limit, string key, CancellationToken cancellationToken);
}
