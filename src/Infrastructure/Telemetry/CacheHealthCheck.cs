using Crm.Application.Common.Caching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Infrastructure.Telemetry;

/// <summary>Whether the cache answers. A cache that does not is degraded, not down: the database answers instead.</summary>
public sealed class CacheHealthCheck(ICacheStore cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cache.GetTagVersionAsync("health", cancellationToken);
            return HealthCheckResult.Healthy("The cache answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The cache does not answer; queries are answered from the database.", ex);
        }
    }
}
