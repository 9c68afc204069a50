using Crm.Infrastructure.Backups;

namespace Crm.WebApi.Cli;

/// <summary>How the backup commands report: one line for a refusal, no stack trace.</summary>
public static class BackupConsole
{
    /// <summary>Exit code of a backup or restore that does not match its manifest.</summary>
    public const int Mismatch = 3;

    public static async Task<int> RefuseAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return CrmCommandLine.BadArguments;
    }

    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (BackupException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
        catch (Npgsql.NpgsqlException unreachable)
        {
            await Console.Error.WriteLineAsync($"The database could not be used: {unreachable.Message}");
            return 1;
        }
    }

    /// <summary>Prints a check's problems; answers the exit code.</summary>
    public static async Task<int> ReportAsync(BackupCheck check, string success)
    {
        if (check.Sound)
        {
            Console.WriteLine(success);
            return 0;
        }

        foreach (var problem in check.Problems)
        {
            await Console.Error.WriteLineAsync($"mismatch: {problem}");
        }

        await Console.Error.WriteLineAsync($"{check.Problems.Count} problem(s) found.");
        return Mismatch;
    }
}
