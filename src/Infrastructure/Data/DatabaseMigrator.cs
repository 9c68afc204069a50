using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Infrastructure.Data;

/// <summary>
/// Applies the ordered SQL files embedded under <c>Data/Migrations</c>, each in its own transaction, recording
/// them in <c>schema_migrations</c>. A PostgreSQL advisory lock makes instances that start at once take turns:
/// the first applies, the others find nothing left to do.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    public const string JournalTable = "schema_migrations";

    /// <summary>Arbitrary, fixed advisory lock key of this schema ("CRM-MIGR").</summary>
    private const long LockKey = 0x43524D2D4D494752;

    private const string ResourcePrefix = "migrations/";

    /// <summary>Every migration, by id (file name without extension), in the order they apply.</summary>
    public static IReadOnlyList<(string Id, string Sql)> Migrations { get; } = LoadMigrations();

    /// <summary>Applies every pending migration; answers the ids it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(
                connection,
                $"CREATE TABLE IF NOT EXISTS {JournalTable} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var (id, sql) in Migrations.Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, sql, cancellationToken);
                await using (var journal = new NpgsqlCommand($"INSERT INTO {JournalTable} (id) VALUES (@id)", connection))
                {
                    journal.Parameters.AddWithValue("id", id);
                    await journal.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {MigrationId}", id);
                done.Add(id);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT id FROM {JournalTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<(string Id, string Sql)> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (Path.GetFileNameWithoutExtension(n[ResourcePrefix.Length..]), reader.ReadToEnd());
            })
            .ToList();
    }
}
