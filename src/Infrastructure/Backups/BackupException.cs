namespace Crm.Infrastructure.Backups;

/// <summary>A backup, restore or check that cannot go on, with a message for the operator (no stack trace needed).</summary>
public sealed class BackupException(string message) : Exception(message);
