using System.Collections.Concurrent;

namespace Crm.Infrastructure.Jobs;

/// <summary>
/// The leases this instance holds (outbox emails, webhook deliveries, imports, exports), so that a graceful shutdown
/// hands them back at once instead of leaving them to lapse: another instance then takes the work without waiting.
/// </summary>
public sealed class LeaseLedger
{
    private readonly ConcurrentDictionary<(LeasedWork Work, Guid Id), byte> _held = new();

    public void Hold(LeasedWork work, Guid id) => _held.TryAdd((work, id), 0);

    /// <summary>The work's outcome is recorded, or it went back to its queue: nothing to hand back for it.</summary>
    public void Let(LeasedWork work, Guid id) => _held.TryRemove((work, id), out _);

    public IReadOnlyDictionary<LeasedWork, Guid[]> Held() =>
        _held.Keys.GroupBy(k => k.Work).ToDictionary(g => g.Key, g => g.Select(k => k.Id).ToArray());
}
