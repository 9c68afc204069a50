namespace Crm.Infrastructure.Changes;

public sealed class ChangeFeedOptions
{
    public const string Section = "Changes";

    /// <summary>Changes older than this are purged; a cursor with unread changes among them answers 410.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Changes deleted per transaction, so that a large purge never holds locks for long.</summary>
    public int PurgeBatchSize { get; set; } = 5_000;
}
