namespace Crm.Infrastructure.Backups;

/// <summary>One file of a backup: its storage key (its path under <c>files/</c>), size and SHA-256 (lower-case hex).</summary>
public sealed record BackupFile(string Key, long Size, string Sha256);
