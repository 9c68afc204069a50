using Crm.Infrastructure.Data;
using Crm.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class MigrationTests
{
    [Test]
    public async Task Instances_starting_at_once_apply_each_migration_exactly_once()
    {
        var connectionString = await TestDatabase.RecreateAsync("crm_test_concurrent_migrations");
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(sources.Select(source =>
                Task.Run(() => new DatabaseMigrator(source, NullLogger<DatabaseMigrator>.Instance).MigrateAsync())));

            results.Sum(applied => applied.Count).ShouldBe(DatabaseMigrator.Migrations.Count);
            results.SelectMany(applied => applied).ShouldBeUnique();
            await using var db = Context(sources[0]);
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(DatabaseMigrator.Migrations);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task Migrating_an_up_to_date_database_applies_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("crm_test_migrations_rerun");

        var applied = await new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();

        applied.ShouldBeEmpty();
    }

    [Test]
    public async Task A_failing_migration_leaves_nothing_half_applied()
    {
        await using var database = await TestDatabase.CreateAsync("crm_test_migrations_atomic");
        await using (var sabotage = database.DataSource.CreateCommand(
            $"DELETE FROM \"__EFMigrationsHistory\" WHERE migration_id = '{DatabaseMigrator.Migrations[^1]}'"))
        {
            await sabotage.ExecuteNonQueryAsync();
        }

        // The last migration's objects already exist, so re-applying it fails part-way.
        await Should.ThrowAsync<PostgresException>(() =>
            new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync());

        await using var db = Context(database.DataSource);
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(DatabaseMigrator.Migrations.Count - 1);
    }

    [Test]
    public async Task The_model_has_no_change_that_a_migration_does_not_carry()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add`.
        await using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql().Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Test]
    public async Task Every_table_and_column_the_EF_model_maps_is_created_by_the_migrations()
    {
        await using var database = await TestDatabase.CreateAsync("crm_test_model_matches_schema");
        await using var db = Context(database.DataSource);
        var schema = await ColumnsAsync(database.DataSource);

        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store)!;
                if (!schema.Contains((table, column)))
                {
                    missing.Add($"{table}.{column}");
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    private static CrmDbContext Context(NpgsqlDataSource dataSource) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(dataSource).Options);

    private static async Task<HashSet<(string Table, string Column)>> ColumnsAsync(NpgsqlDataSource dataSource)
    {
        // xmin is a system column of every table: the row version that EF uses for optimistic concurrency.
        await using var command = dataSource.CreateCommand(
            """
            SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT table_name, 'xmin' FROM information_schema.tables WHERE table_schema = 'public'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new HashSet<(string, string)>();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
