using Crm.Infrastructure.Auditing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Infrastructure.Telemetry;

/// <summary>Whether the background jobs' last runs succeeded.</summary>
public sealed class JobsHealthCheck(AuditRetentionJob retention) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(retention.Status.LastError is { } error
            ? HealthCheckResult.Degraded($"Audit retention failed: {error}")
            : HealthCheckResult.Healthy(retention.Status.LastSuccess is { } at
                ? $"Audit retention last ran at {at:O}."
                : "Audit retention has not run yet."));
}
