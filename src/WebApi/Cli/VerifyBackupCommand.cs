using System.CommandLine;
using System.Globalization;
using Crm.Infrastructure.Backups;

namespace Crm.WebApi.Cli;

/// <summary><c>verify-backup DIR</c>: checks a backup against its manifest without restoring it.</summary>
public static class VerifyBackupCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The backup's folder." };
        var command = new Command("verify-backup", "Check a backup's dump and files against its manifest (sizes, SHA-256) without restoring it; exit 3 on a mismatch.")
        {
            folder,
        };
        command.SetAction((parse, ct) => parse.UnmatchedTokens.Count > 0
            ? BackupConsole.RefuseAsync($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Run verify-backup --help for the options.")
            : BackupConsole.GuardAsync(() => RunAsync(parse.GetValue(folder)!, ct)));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo folder, CancellationToken ct)
    {
        await using var app = CrmHost.CreateBuilder([]).Build();
        var check = await app.Services.GetRequiredService<BackupVerifier>().VerifyAsync(folder.FullName, ct);
        return await BackupConsole.ReportAsync(check, string.Create(CultureInfo.InvariantCulture,
            $"The backup of {check.Manifest.CreatedAt:yyyy-MM-ddTHH:mm:ssZ} (schema {check.Manifest.SchemaVersion}) matches its manifest: " +
            $"the dump and {check.Manifest.Files.Count} files."));
    }
}
