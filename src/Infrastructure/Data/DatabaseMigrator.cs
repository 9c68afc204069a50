using System.Reflection;
using Crm.Infrastructure.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Infrastructure.Data;

/// <summary>
/// Applies EF Core's pending migrations. A PostgreSQL advisory lock makes instances that start at once take turns:
/// the first applies, the others find nothing left to do. A database made by the SQL migrations that preceded EF
/// Core's (journal <c>schema_migrations</c>) is adopted: its schema is the baseline migration's, so the baseline is
/// recorded as applied without running, and only later migrations run.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The journal of the SQL migrations, kept as it was after adoption.</summary>
    public const string LegacyJournalTable = "schema_migrations";

    /// <summary>How long one migration's statement may run.</summary>
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Arbitrary, fixed advisory lock key of this schema ("CRM-MIGR").</summary>
    private const long LockKey = 0x43524D2D4D494752;

    /// <summary>Every SQL migration the baseline migration stands for, by the id they were recorded under.</summary>
    public static IReadOnlyList<string> LegacyMigrations { get; } =
    [
        "0001_initial", "0002_crm_core", "0003_audit", "0004_cache_tags_and_plans", "0005_search", "0006_email",
        "0007_attachments",
    ];

    /// <summary>The EF migration whose schema is exactly the one the SQL migrations left.</summary>
    public static string BaselineMigration { get; } = typeof(Initial).GetCustomAttribute<MigrationAttribute>()!.Id;

    /// <summary>Every EF migration, by id, in the order they apply.</summary>
    public static IReadOnlyList<string> Migrations { get; } = ListMigrations();

    /// <summary>Applies every pending migration; answers the ids it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        // The lock is held by a connection of its own, for as long as EF migrates on the context's.
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(dataSource).Options);
            // A migration that fills a new column or builds an index over a large organization's records takes far
            // longer than a request's statement may.
            db.Database.SetCommandTimeout(MigrationTimeout);
            await AdoptLegacySchemaAsync(db, lockConnection, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            foreach (var id in pending)
            {
                logger.LogInformation("Applied migration {MigrationId}", id);
            }

            return pending;
        }
        finally
        {
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private async Task AdoptLegacySchemaAsync(CrmDbContext db, NpgsqlConnection connection, CancellationToken ct)
    {
        var legacy = await LegacyJournalAsync(connection, ct);
        var history = db.GetService<IHistoryRepository>();
        if (legacy is null || (await history.ExistsAsync(ct) && (await history.GetAppliedMigrationsAsync(ct)).Count > 0))
        {
            return;
        }

        // A partly migrated old database is not the baseline's schema: running the baseline over it would fail
        // half-way, and skipping it would leave objects missing.
        var missing = LegacyMigrations.Where(id => !legacy.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database was made by the former SQL migrations but lacks {string.Join(", ", missing)}. " +
                "Migrate it with a release that still carries them, then with this one.");
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(
            connection,
            history.GetCreateIfNotExistsScript() + history.GetInsertScript(new HistoryRow(BaselineMigration, ProductInfo.GetVersion())),
            ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation(
            "Recorded migration {MigrationId} as applied without running it: the database was made by the former SQL migrations (journal {LegacyJournal})",
            BaselineMigration,
            LegacyJournalTable);
    }

    /// <summary>The ids in the SQL migrations' journal, or null when the database has none.</summary>
    private static async Task<HashSet<string>?> LegacyJournalAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{LegacyJournalTable}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                return null;
            }
        }

        await using var command = new NpgsqlCommand($"SELECT id FROM {LegacyJournalTable}", connection);
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

    private static List<string> ListMigrations()
    {
        // Reading the migrations of the assembly needs no connection.
        using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql().Options);
        return [.. db.Database.GetMigrations()];
    }
}
