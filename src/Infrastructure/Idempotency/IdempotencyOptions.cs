namespace Crm.Infrastructure.Idempotency;

/// <summary>Settings of the <c>Idempotency</c> section: how long answers are kept for repeats of their request.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and its answer are kept; a repeat after that runs as a new request.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a running request holds its key: a repeat within it answers 409; after it (the instance running the
    /// first was lost) the repeat takes the key over and runs.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest answer kept; a larger one is answered once and its key released.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>How often expired keys are purged, and rows per transaction.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(15);

    public int PurgeBatchSize { get; set; } = 5_000;
}
