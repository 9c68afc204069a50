using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Backups;

/// <summary>
/// <c>pg_dump</c> and <c>pg_restore</c> of the server's major version: found, checked and run with the connection of
/// an Npgsql connection string (the password passes in the environment, never on the command line).
/// </summary>
public sealed partial class PostgresTools(IOptions<BackupOptions> options)
{
    /// <summary>The major version of the server behind <paramref name="connection"/> (open).</summary>
    public static async Task<int> ServerMajorVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int / 10000", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The path of <paramref name="tool"/> whose major version is <paramref name="major"/>, or a clear refusal.</summary>
    public async Task<string> FindAsync(string tool, int major, CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        if (options.Value.PostgresBinDirectory is { Length: > 0 } configured)
        {
            candidates.Add(Path.Combine(configured, tool));
        }
        else
        {
            candidates.Add(Path.Combine("/usr/lib/postgresql", major.ToString(CultureInfo.InvariantCulture), "bin", tool));
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, tool)));
        }

        var found = candidates.Where(File.Exists).ToList();
        if (found.Count == 0)
        {
            throw new BackupException(
                $"{tool} was not found (looked in {string.Join(", ", candidates.Take(2))} and the PATH). Install the PostgreSQL {major} " +
                $"client tools (apt-get install postgresql-client-{major}) or set Backup__PostgresBinDirectory.");
        }

        var versions = new List<string>();
        foreach (var path in found)
        {
            var (exit, output, _) = await RunAsync(path, ["--version"], null, cancellationToken);
            var version = exit == 0 ? VersionNumber().Match(output) : Match.Empty;
            if (version.Success && int.Parse(version.Groups[1].Value, CultureInfo.InvariantCulture) == major)
            {
                return path;
            }

            versions.Add($"{path}: {output.Trim()}");
        }

        throw new BackupException(
            $"{tool} must have the server's major version {major}; found {string.Join("; ", versions)}. Set Backup__PostgresBinDirectory " +
            $"to the bin folder of PostgreSQL {major}'s client tools.");
    }

    /// <summary>Runs a tool against the database of <paramref name="connectionString"/>; a failure is a <see cref="BackupException"/>.</summary>
    public async Task RunAgainstAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var (exit, _, error) = await RunAsync(tool, [$"--dbname={ConnectionInfo(builder)}", .. arguments], builder.Password, cancellationToken);
        if (exit != 0)
        {
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit code {exit}): {error.Trim()}");
        }
    }

    /// <summary>Runs a tool that needs no database (such as <c>pg_restore --list</c>); a failure is a <see cref="BackupException"/>.</summary>
    public async Task RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (exit, _, error) = await RunAsync(tool, [.. arguments], null, cancellationToken);
        if (exit != 0)
        {
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit code {exit}): {error.Trim()}");
        }
    }

    /// <summary>libpq's key=value form of a connection, without the password.</summary>
    private static string ConnectionInfo(NpgsqlConnectionStringBuilder builder)
    {
        var parts = new StringBuilder();
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Append(CultureInfo.InvariantCulture, $"{key}='{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}' ");
            }
        }

        Add("host", builder.Host);
        Add("port", builder.Port);
        Add("dbname", builder.Database);
        Add("user", builder.Username);
        if (builder.SslMode is not SslMode.Disable and not SslMode.Prefer)
        {
            Add("sslmode", builder.SslMode.ToString().ToLowerInvariant() switch { "verifyca" => "verify-ca", "verifyfull" => "verify-full", var mode => mode });
        }

        return parts.ToString().TrimEnd();
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(
        string path, IReadOnlyList<string> arguments, string? password, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{path} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Interrupted (Ctrl+C): the dump or restore stops with the command instead of running on unseen.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")]
    private static partial Regex VersionNumber();
}
