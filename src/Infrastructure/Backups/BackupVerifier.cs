using System.Text.Json;

namespace Crm.Infrastructure.Backups;

/// <summary>
/// Checks a backup folder without restoring it: the manifest reads, the dump and every file are there with the size
/// and SHA-256 the manifest gives, no file is there that the manifest does not list, and <c>pg_restore --list</c>
/// reads the dump's table of contents.
/// </summary>
public sealed class BackupVerifier(PostgresTools tools)
{
    public static async Task<BackupManifest> ReadManifestAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{path} does not exist: {folder} is not a finished backup.");
        }

        try
        {
            await using var file = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(file, BackupWriter.Json, cancellationToken);
            return manifest is { Format: BackupManifest.CurrentFormat, Database: not null, Tables: not null, Files: not null }
                ? manifest
                : throw new BackupException($"{path} is not a manifest this version reads (format {manifest?.Format}).");
        }
        catch (JsonException bad)
        {
            throw new BackupException($"{path} is not valid: {bad.Message}");
        }
    }

    public async Task<BackupCheck> VerifyAsync(string folder, CancellationToken cancellationToken)
    {
        var manifest = await ReadManifestAsync(folder, cancellationToken);
        var problems = new List<string>();
        await CheckFileAsync(Path.Combine(folder, BackupManifest.DumpFileName), manifest.Database, problems, cancellationToken);
        var filesRoot = Path.Combine(folder, BackupManifest.FilesFolder);
        foreach (var file in manifest.Files)
        {
            if (!StorageKey.IsValid(file.Key))
            {
                problems.Add($"the manifest names a file with an invalid key: {file.Key}");
                continue;
            }

            await CheckFileAsync(Path.Combine(filesRoot, file.Key), file, problems, cancellationToken);
        }

        if (Directory.Exists(filesRoot))
        {
            var listed = manifest.Files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var extra in Directory.EnumerateFiles(filesRoot, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(filesRoot, p).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(k => !listed.Contains(k)))
            {
                problems.Add($"files/{extra} is not in the manifest");
            }
        }

        if (problems.Count == 0)
        {
            var pgRestore = await tools.FindAsync("pg_restore", manifest.ServerMajorVersion, cancellationToken);
            try
            {
                await tools.RunAsync(pgRestore, ["--list", Path.Combine(folder, BackupManifest.DumpFileName)], cancellationToken);
            }
            catch (BackupException unreadable)
            {
                problems.Add($"the dump does not read: {unreadable.Message}");
            }
        }

        return new BackupCheck(manifest, problems);
    }

    private static async Task CheckFileAsync(string path, BackupFile expected, List<string> problems, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            problems.Add($"{expected.Key} is missing");
            return;
        }

        var size = new FileInfo(path).Length;
        if (size != expected.Size)
        {
            problems.Add($"{expected.Key} has {size} bytes; the manifest says {expected.Size}");
            return;
        }

        if (await Sha256File.OfAsync(path, cancellationToken) is var sha256 && sha256 != expected.Sha256)
        {
            problems.Add($"{expected.Key} has SHA-256 {sha256}; the manifest says {expected.Sha256}");
        }
    }
}
