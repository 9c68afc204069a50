namespace Crm.Infrastructure.Exports;

/// <summary>How the export runners work (section <c>Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Whether this instance runs exports (every instance does, unless told not to).</summary>
    public bool Run { get; set; } = true;

    /// <summary>How often a runner looks for queued exports that another instance queued.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a runner holds an export without reporting progress before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times an export is started before it is failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Where a file is written before it goes to the attachment storage (the system's temporary folder by default).</summary>
    public string? WorkFolder { get; set; }
}
