using System.Data;
using System.Text.Json;
using Crm.Application.Common.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Crm.Infrastructure.Storage;
using Npgsql;

namespace Crm.Infrastructure.Backups;

/// <summary>
/// Writes a consistent backup into a folder: one REPEATABLE READ transaction exports its snapshot, <c>pg_dump</c>
/// (custom format) dumps that very snapshot, and the row counts and the list of stored files are read in it too; then
/// the files are copied from storage (a local folder or S3) and the manifest is written last, so a folder without
/// <c>manifest.json</c> is an unfinished backup.
/// </summary>
public sealed class BackupWriter(
    IConfiguration configuration, PostgresTools tools, BackupSnapshot snapshot, IFileStorage storage, IOptions<StorageOptions> storageOptions, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public async Task<BackupManifest> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Crm")
            ?? throw new BackupException("ConnectionStrings__Crm is not set: there is no database to back up.");
        Directory.CreateDirectory(folder);
        if (Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"{folder} is not empty: write each backup to a new folder.");
        }

        if (!OperatingSystem.IsWindows())
        {
            // A backup holds every tenant's data, password hashes and encrypted secrets: readable by its owner only.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var major = await PostgresTools.ServerMajorVersionAsync(connection, cancellationToken);
        var pgDump = await tools.FindAsync("pg_dump", major, cancellationToken);

        var createdAt = time.GetUtcNow().UtcDateTime;
        string schemaVersion;
        SortedDictionary<string, long> tables;
        IReadOnlyList<string> keys;
        var dumpPath = Path.Combine(folder, BackupManifest.DumpFileName);
        await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
        {
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }

            string snapshotId;
            await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            {
                snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
            }

            schemaVersion = await BackupSnapshot.SchemaVersionAsync(connection, transaction, cancellationToken);
            tables = await BackupSnapshot.CountRowsAsync(connection, transaction, cancellationToken);
            keys = await snapshot.StorageKeysAsync(connection, transaction, cancellationToken);

            // The snapshot lives as long as this transaction: the dump runs while it is open.
            await tools.RunAgainstAsync(pgDump, connectionString, ["--format=custom", $"--snapshot={snapshotId}", $"--file={dumpPath}"], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var files = new List<BackupFile>();
        var missing = new List<string>();
        foreach (var key in keys)
        {
            var target = Path.Combine(folder, BackupManifest.FilesFolder, key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                await using var content = await storage.ReadAsync(key, cancellationToken);
                await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
                await content.CopyToAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                || (e is Amazon.S3.AmazonS3Exception s3 && s3.StatusCode == System.Net.HttpStatusCode.NotFound))
            {
                // Named by the database but gone from storage (deleted after the snapshot, or lost): recorded, not fatal.
                File.Delete(target);
                missing.Add(key);
                continue;
            }

            files.Add(new BackupFile(key, new FileInfo(target).Length, await Sha256File.OfAsync(target, cancellationToken)));
        }

        var manifest = new BackupManifest(
            BackupManifest.CurrentFormat,
            createdAt,
            schemaVersion,
            major,
            storageOptions.Value.Storage,
            new BackupFile(BackupManifest.DumpFileName, new FileInfo(dumpPath).Length, await Sha256File.OfAsync(dumpPath, cancellationToken)),
            tables,
            files,
            missing);
        await File.WriteAllBytesAsync(Path.Combine(folder, BackupManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, Json), cancellationToken);
        return manifest;
    }
}
