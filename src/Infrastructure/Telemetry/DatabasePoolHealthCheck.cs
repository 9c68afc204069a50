using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Telemetry;

/// <summary>
/// The database connection pools of this instance, read from Npgsql's own metrics: connections in use, idle, the
/// maximum, and requests waiting for one. A pool nearly exhausted degrades readiness; an exhausted one (with callers
/// waiting) makes it unhealthy, so a load balancer sends the traffic elsewhere.
/// </summary>
public sealed class DatabasePoolHealthCheck : IHealthCheck, IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IOptions<ReadinessOptions> _options;
    private readonly Lock _gate = new();
    private Dictionary<string, long> _reading = [];

    public DatabasePoolHealthCheck(IOptions<ReadinessOptions> options)
    {
        _options = options;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.connection.count" or "db.client.connection.max"
                or "db.client.connection.npgsql.pending_requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Dictionary<string, long> reading;
        lock (_gate)
        {
            _reading = [];
            _listener.RecordObservableInstruments();
            reading = _reading;
        }

        var used = reading.GetValueOrDefault("used");
        var idle = reading.GetValueOrDefault("idle");
        var max = reading.GetValueOrDefault("max");
        var pending = reading.GetValueOrDefault("pending");
        var busy = max > 0 ? (int)Math.Round(100.0 * used / max) : 0;
        var data = new Dictionary<string, object>
        {
            ["connections_in_use"] = used,
            ["connections_idle"] = idle,
            ["connections_max"] = max,
            ["pending_requests"] = pending,
            ["busy_percent"] = busy,
        };
        var description = $"{used} of {max} connections in use, {idle} idle, {pending} waiting.";
        var thresholds = _options.Value;
        return Task.FromResult(
            busy >= thresholds.PoolBusyUnhealthyPercent && pending > 0 ? HealthCheckResult.Unhealthy(description, data: data)
            : busy >= thresholds.PoolBusyDegradedPercent ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data));
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name switch
        {
            "db.client.connection.max" => "max",
            "db.client.connection.npgsql.pending_requests" => "pending",
            _ => null,
        };
        if (key is null)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.client.connection.state")
                {
                    key = tag.Value as string;
                }
            }
        }

        if (key is not null)
        {
            _reading[key] = _reading.GetValueOrDefault(key) + value;
        }
    }
}
