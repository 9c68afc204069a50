using Crm.Application.Common.Files;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Crm.Infrastructure.Backups;

/// <summary>
/// Restores a backup into a database (created when it does not exist) and a file storage, after checking the backup,
/// then checks the result against the manifest: the schema version, every table's row count, and every file read back
/// from the target storage with its SHA-256. A target that already holds tables is refused unless forced, and then its
/// objects are replaced (<c>pg_restore --clean</c>).
/// </summary>
public sealed class BackupRestorer(IConfiguration configuration, PostgresTools tools, BackupVerifier verifier)
{
    /// <summary>
    /// The connection string of a restore's target: <paramref name="target"/> itself when it is a connection string,
    /// otherwise the name of a database on the configured server.
    /// </summary>
    public string TargetConnection(string target)
    {
        if (target.Contains('=', StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(target).ConnectionString;
        }

        var configured = configuration.GetConnectionString("Crm")
            ?? throw new BackupException("--to names a database, but ConnectionStrings__Crm is not set to say on which server; give a connection string.");
        return new NpgsqlConnectionStringBuilder(configured) { Database = target }.ConnectionString;
    }

    public async Task<BackupCheck> RestoreAsync(string folder, string targetConnection, IFileStorage targetStorage, bool force, CancellationToken cancellationToken)
    {
        var backup = await verifier.VerifyAsync(folder, cancellationToken);
        if (!backup.Sound)
        {
            throw new BackupException($"The backup does not match its manifest, nothing was restored: {string.Join("; ", backup.Problems)}");
        }

        var manifest = backup.Manifest;
        var target = new NpgsqlConnectionStringBuilder(targetConnection);
        if (string.IsNullOrEmpty(target.Database))
        {
            throw new BackupException("The target connection names no database.");
        }

        await CreateDatabaseIfMissingAsync(target, cancellationToken);
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var major = await PostgresTools.ServerMajorVersionAsync(connection, cancellationToken);
        if (major < manifest.ServerMajorVersion)
        {
            throw new BackupException(
                $"The backup comes from PostgreSQL {manifest.ServerMajorVersion}; the target server is {major}: restore into PostgreSQL {manifest.ServerMajorVersion} or newer.");
        }

        var existing = (await BackupSnapshot.CountRowsAsync(connection, null, cancellationToken)).Count;
        if (existing > 0 && !force)
        {
            throw new BackupException($"The database {target.Database} is not empty ({existing} tables); pass --force to replace its contents.");
        }

        var pgRestore = await tools.FindAsync("pg_restore", major, cancellationToken);
        string[] clean = existing > 0 ? ["--clean", "--if-exists"] : [];
        await tools.RunAgainstAsync(
            pgRestore, target.ConnectionString,
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", .. clean, Path.Combine(folder, BackupManifest.DumpFileName)],
            cancellationToken);

        foreach (var file in manifest.Files)
        {
            await using var content = File.OpenRead(Path.Combine(folder, BackupManifest.FilesFolder, file.Key));
            await targetStorage.SaveAsync(file.Key, content, file.Size, "application/octet-stream", cancellationToken);
        }

        return new BackupCheck(manifest, await CompareAsync(manifest, connection, targetStorage, cancellationToken));
    }

    private static async Task<List<string>> CompareAsync(
        BackupManifest manifest, NpgsqlConnection connection, IFileStorage storage, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var schema = await BackupSnapshot.SchemaVersionAsync(connection, null, cancellationToken);
        if (schema != manifest.SchemaVersion)
        {
            problems.Add($"schema version {schema}; the manifest says {manifest.SchemaVersion}");
        }

        var counts = await BackupSnapshot.CountRowsAsync(connection, null, cancellationToken);
        foreach (var (table, expected) in manifest.Tables)
        {
            var actual = counts.GetValueOrDefault(table, -1);
            if (actual != expected)
            {
                problems.Add(actual < 0 ? $"table {table} is missing" : $"table {table} has {actual} rows; the manifest says {expected}");
            }
        }

        foreach (var file in manifest.Files)
        {
            await using var content = await storage.ReadAsync(file.Key, cancellationToken);
            if (await Sha256File.OfAsync(content, cancellationToken) != file.Sha256)
            {
                problems.Add($"the restored {file.Key} differs from the backup's");
            }
        }

        return problems;
    }

    private static async Task CreateDatabaseIfMissingAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = target.Database! });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
