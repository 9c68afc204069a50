using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Infrastructure.Telemetry;

/// <summary>Whether the background jobs' last runs succeeded: a failing one degrades readiness, naming itself.</summary>
public sealed class JobsHealthCheck(IEnumerable<PeriodicPurgeJob> jobs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = jobs.Where(j => j.Status.LastError is not null).Select(j => $"{j.Name} failed: {j.Status.LastError}").ToList();
        var runs = string.Join(" ", jobs.Select(j => j.Status.LastSuccess is { } at ? $"{j.Name} last ran at {at:O}." : $"{j.Name} has not run yet."));
        return Task.FromResult(failed.Count > 0 ? HealthCheckResult.Degraded(string.Join(" ", failed)) : HealthCheckResult.Healthy(runs));
    }
}
