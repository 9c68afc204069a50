using System.Diagnostics;
using Npgsql;

namespace Crm.Infrastructure.IntegrationTests;

/// <summary>A database's schema as <c>pg_dump --schema-only</c> prints it, without the migration journals.</summary>
internal static class SchemaDump
{
    private const string InstalledPgDump = "/usr/lib/postgresql/15/bin/pg_dump";

    public static async Task<string> OfAsync(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(File.Exists(InstalledPgDump) ? InstalledPgDump : "pg_dump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = connection.Password },
        };
        foreach (var argument in new[]
                 {
                     "--schema-only", "--no-owner", "--host", connection.Host!, "--port", connection.Port.ToString(),
                     "--username", connection.Username!, "--dbname", connection.Database!,
                     "--exclude-table", "schema_migrations", "--exclude-table", "\"__EFMigrationsHistory\"",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error);

        // \restrict and \unrestrict carry a random key, different on every run.
        return string.Join('\n', (await output).Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal)
            && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }
}
