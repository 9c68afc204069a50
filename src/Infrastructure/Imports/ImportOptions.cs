namespace Crm.Infrastructure.Imports;

/// <summary>How the import runners work (section <c>Imports</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Whether this instance runs imports (every instance does, unless told not to).</summary>
    public bool Run { get; set; } = true;

    /// <summary>How often a runner looks for queued imports that another instance queued.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a runner holds an import without committing a chunk before another may resume it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times an import is started (or resumed) before it is failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Rows written per transaction: each chunk commits with the job's progress, which a resumed run starts after.</summary>
    public int ChunkRows { get; set; } = 5_000;

    /// <summary>Where a file is copied to from the attachment storage while it is read (the system's temporary folder by default).</summary>
    public string? WorkFolder { get; set; }
}
