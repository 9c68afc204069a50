using System.CommandLine;
using System.Globalization;
using Crm.Application.Common.Files;
using Crm.Infrastructure.Backups;

namespace Crm.WebApi.Cli;

/// <summary>
/// <c>restore --from DIR --to TARGET</c>: a backup into a database (a connection string, or a database name on the
/// configured server) and a file storage (<c>--files-to</c> a folder, or else the configured <c>Files</c> storage), then
/// checked against the manifest.
/// </summary>
public static class RestoreCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "The backup's folder.", Required = true };
        var to = new Option<string>("--to") { Description = "The target database: a connection string, or a database name on the configured server (created if missing).", Required = true };
        var filesTo = new Option<DirectoryInfo?>("--files-to") { Description = "A folder to restore the files into; without it, the configured Files storage (a folder or an S3 bucket)." };
        var force = new Option<bool>("--force") { Description = "Replace the contents of a target database that is not empty." };
        var command = new Command("restore", "Restore a backup into an empty database and a file storage, then check row counts and checksums against its manifest.")
        {
            from, to, filesTo, force,
        };
        command.SetAction((parse, ct) => parse.UnmatchedTokens.Count > 0
            ? BackupConsole.RefuseAsync($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Run restore --help for the options.")
            : BackupConsole.GuardAsync(() => RunAsync(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(filesTo), parse.GetValue(force), ct)));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo from, string to, DirectoryInfo? filesTo, bool force, CancellationToken ct)
    {
        string[] storage = filesTo is null ? [] : ["--Files:Storage=local", $"--Files:LocalRoot={filesTo.FullName}"];
        if (filesTo is { Exists: true } && filesTo.EnumerateFileSystemInfos().Any() && !force)
        {
            return await BackupConsole.RefuseAsync($"{filesTo.FullName} is not empty; pass --force to restore the files over its contents.");
        }

        await using var app = CrmHost.CreateBuilder(storage).Build();
        var restorer = app.Services.GetRequiredService<BackupRestorer>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var check = await restorer.RestoreAsync(from.FullName, restorer.TargetConnection(to), app.Services.GetRequiredService<IFileStorage>(), force, ct);
        return await BackupConsole.ReportAsync(check, string.Create(CultureInfo.InvariantCulture,
            $"Restored schema {check.Manifest.SchemaVersion}: {check.Manifest.Tables.Values.Sum():N0} rows in {check.Manifest.Tables.Count} tables and " +
            $"{check.Manifest.Files.Count:N0} files in {started.Elapsed.TotalSeconds:0.0} s; row counts and checksums match the manifest."));
    }
}
