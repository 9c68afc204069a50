using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>The live connections open on this instance: bounded per person and kind, and closed when their session ends.</summary>
public sealed class LiveConnections(IOptionsMonitor<LiveNotificationOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LiveConnection> _open = [];
    private readonly Dictionary<(Guid UserId, LiveConnectionKind Kind), int> _counts = [];

    /// <summary>Registers a connection; false when its person already holds as many of its kind as allowed.</summary>
    public bool TryOpen(LiveConnection connection)
    {
        var settings = options.CurrentValue;
        var limit = connection.Kind == LiveConnectionKind.Hub ? settings.MaxHubConnectionsPerUser : settings.MaxStreamsPerUser;
        var key = (connection.Caller.UserId, connection.Kind);
        lock (_lock)
        {
            var count = _counts.GetValueOrDefault(key);
            if (count >= limit)
            {
                return false;
            }

            _open[connection.Id] = connection;
            _counts[key] = count + 1;
            return true;
        }
    }

    /// <summary>Forgets a connection that has ended; forgetting it twice changes nothing.</summary>
    public void Remove(string id)
    {
        lock (_lock)
        {
            if (!_open.Remove(id, out var connection))
            {
                return;
            }

            var key = (connection.Caller.UserId, connection.Kind);
            if (--_counts[key] == 0)
            {
                _counts.Remove(key);
            }
        }
    }

    /// <summary>The connections open now.</summary>
    public IReadOnlyList<LiveConnection> Snapshot()
    {
        lock (_lock)
        {
            return [.. _open.Values];
        }
    }
}
