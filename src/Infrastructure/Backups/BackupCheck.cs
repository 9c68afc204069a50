namespace Crm.Infrastructure.Backups;

/// <summary>The outcome of checking a backup or a restore against its manifest: every problem found, empty when sound.</summary>
public sealed record BackupCheck(BackupManifest Manifest, IReadOnlyList<string> Problems)
{
    public bool Sound => Problems.Count == 0;
}
