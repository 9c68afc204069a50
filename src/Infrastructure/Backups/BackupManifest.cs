namespace Crm.Infrastructure.Backups;

/// <summary>
/// <c>manifest.json</c> of a backup: when it was taken, the schema version (the last applied migration), the server's
/// major version, every table's row count and the checksums of the dump and of every stored file, all of one snapshot.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTime CreatedAt,
    string SchemaVersion,
    int ServerMajorVersion,
    string Storage,
    BackupFile Database,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<BackupFile> Files,
    IReadOnlyList<string> MissingFiles)
{
    public const int CurrentFormat = 1;

    public const string FileName = "manifest.json";

    public const string DumpFileName = "database.dump";

    public const string FilesFolder = "files";
}
