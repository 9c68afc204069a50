namespace Crm.Infrastructure.Auditing;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Entries older than this are purged.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries deleted per transaction, so that a large purge never holds locks for long.</summary>
    public int PurgeBatchSize { get; set; } = 5_000;
}
