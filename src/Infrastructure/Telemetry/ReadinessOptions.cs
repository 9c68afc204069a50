using System.ComponentModel.DataAnnotations;

namespace Crm.Infrastructure.Telemetry;

/// <summary>Settings of the <c>Readiness</c> section: when <c>/health/ready</c> turns degraded or unhealthy.</summary>
public sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    /// <summary>Share of the database pool in use (0–100) from which readiness is degraded.</summary>
    [Range(0, 100)]
    public int PoolBusyDegradedPercent { get; set; } = 80;

    /// <summary>Share of the database pool in use (0–100) from which readiness is unhealthy.</summary>
    [Range(0, 100)]
    public int PoolBusyUnhealthyPercent { get; set; } = 100;

    /// <summary>Free space (MB) of the local file store's disk under which readiness is degraded.</summary>
    public long DiskFreeDegradedMegabytes { get; set; } = 2048;

    /// <summary>Free space (MB) of the local file store's disk under which readiness is unhealthy.</summary>
    public long DiskFreeUnhealthyMegabytes { get; set; } = 256;
}
