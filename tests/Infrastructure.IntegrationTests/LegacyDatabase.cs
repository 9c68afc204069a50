using System.Reflection;
using Crm.Infrastructure.Data;
using Npgsql;

namespace Crm.Infrastructure.IntegrationTests;

/// <summary>Builds a database as the former SQL migrator did: each file in order, journaled in <c>schema_migrations</c>.</summary>
internal static class LegacyDatabase
{
    private const string ResourcePrefix = "legacy-schema/";

    /// <summary>Applies the SQL migrations whose ids are given (all of them unless told), as releases before EF Core did.</summary>
    public static async Task CreateAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string>? only = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(
            connection,
            $"CREATE TABLE {DatabaseMigrator.LegacyJournalTable} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var (id, sql) in Migrations().Where(m => only is null || only.Contains(m.Id)))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, sql);
            await ExecuteAsync(connection, $"INSERT INTO {DatabaseMigrator.LegacyJournalTable} (id) VALUES ('{id}')");
            await transaction.CommitAsync();
        }
    }

    private static List<(string Id, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (Path.GetFileNameWithoutExtension(n[ResourcePrefix.Length..]), reader.ReadToEnd());
            })
            .ToList();

        // The files are the ones the baseline migration stands for, no more and no fewer.
        migrations.Select(m => m.Item1).ShouldBe(DatabaseMigrator.LegacyMigrations);
        return migrations;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
