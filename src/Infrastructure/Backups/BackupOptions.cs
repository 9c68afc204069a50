namespace Crm.Infrastructure.Backups;

/// <summary>Settings of the <c>Backup</c> section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// The folder of <c>pg_dump</c> and <c>pg_restore</c>. Unset: <c>/usr/lib/postgresql/&lt;server major&gt;/bin</c>,
    /// then the PATH; either way their major version must be the server's.
    /// </summary>
    public string? PostgresBinDirectory { get; set; }
}
