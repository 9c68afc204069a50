using System.CommandLine;
using System.Globalization;
using Crm.Infrastructure.Backups;

namespace Crm.WebApi.Cli;

/// <summary>
/// <c>backup --out DIR</c>: the database (pg_dump, custom format, of one snapshot) and the stored files (local folder or
/// S3), with a manifest of row counts and checksums.
/// </summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "A new or empty folder to write the backup to.", Required = true };
        var command = new Command("backup", "Back up the database and the stored files into a folder, with a manifest of row counts and SHA-256 checksums.")
        {
            output,
        };
        command.SetAction((parse, ct) => parse.UnmatchedTokens.Count > 0
            ? BackupConsole.RefuseAsync($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Run backup --help for the options.")
            : BackupConsole.GuardAsync(() => RunAsync(parse.GetValue(output)!, ct)));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo output, CancellationToken ct)
    {
        await using var app = CrmHost.CreateBuilder([]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var manifest = await scope.ServiceProvider.GetRequiredService<BackupWriter>().WriteAsync(output.FullName, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backed up schema {manifest.SchemaVersion}: {manifest.Tables.Values.Sum():N0} rows in {manifest.Tables.Count} tables " +
            $"({manifest.Database.Size:N0} bytes dumped) and {manifest.Files.Count:N0} files ({manifest.Files.Sum(f => f.Size):N0} bytes) " +
            $"to {output.FullName} in {started.Elapsed.TotalSeconds:0.0} s."));
        foreach (var missing in manifest.MissingFiles)
        {
            await Console.Error.WriteLineAsync($"warning: {missing} is named by the database but missing from storage; recorded in the manifest.");
        }

        return 0;
    }
}
