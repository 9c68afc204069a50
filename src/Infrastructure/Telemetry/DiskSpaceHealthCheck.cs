using Crm.Infrastructure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Telemetry;

/// <summary>
/// Free space on the disk of the local file store (uploads, import sources, export results), against the thresholds
/// of <see cref="ReadinessOptions"/>. With S3 storage there is no local disk to watch.
/// </summary>
public sealed class DiskSpaceHealthCheck(IOptions<StorageOptions> storage, IOptions<ReadinessOptions> options) : IHealthCheck
{
    private const long Megabyte = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(storage.Value.Storage, "local", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Files are kept in {storage.Value.Storage}; no local disk to watch."));
        }

        var root = storage.Value.LocalRoot;
        Directory.CreateDirectory(root);
        var drive = new DriveInfo(Path.GetFullPath(root));
        var free = drive.AvailableFreeSpace / Megabyte;
        var data = new Dictionary<string, object>
        {
            ["free_megabytes"] = free,
            ["total_megabytes"] = drive.TotalSize / Megabyte,
        };
        var description = $"{free} MB free of {drive.TotalSize / Megabyte} MB for the local file store.";
        var thresholds = options.Value;
        return Task.FromResult(
            free < thresholds.DiskFreeUnhealthyMegabytes ? HealthCheckResult.Unhealthy(description, data: data)
            : free < thresholds.DiskFreeDegradedMegabytes ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
