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
        var schemaBefore = await SchemaAsync(database.DataSource);

        // The last migration runs again and fails: on an object it made already, or, when it can run twice, at its very
        // end, where its entry in the migrations' journal is refused.
        await using (var sabotage = database.DataSource.CreateCommand(
            $"""
            DELETE FROM "__EFMigrationsHistory" WHERE migration_id = '{DatabaseMigrator.Migrations[^1]}';
            CREATE FUNCTION crm_test_refuse_journal() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'journal entry refused';
            END $$;
            CREATE TRIGGER crm_test_refuse_journal BEFORE INSERT ON "__EFMigrationsHistory"
                FOR EACH ROW EXECUTE FUNCTION crm_test_refuse_journal();
            """))
        {
            await sabotage.ExecuteNonQueryAsync();
        }

        try
        {
            await Should.ThrowAsync<PostgresException>(() =>
                new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync());
        }
        finally
        {
            await using var cleanup = database.DataSource.CreateCommand("""DROP TRIGGER crm_test_refuse_journal ON "__EFMigrationsHistory" """);
            await cleanup.ExecuteNonQueryAsync();
        }

        await using var db = Context(database.DataSource);
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(DatabaseMigrator.Migrations.Count - 1);
        (await SchemaAsync(database.DataSource)).ShouldBe(schemaBefore);
    }

    /// <summary>Every column (with its type and default) and every index, as one sorted list.</summary>
    private static async Task<List<string>> SchemaAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(column_default, '') || ' ' || coalesce(generation_expression, '')
              FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var schema = new List<string>();
        while (await reader.ReadAsync())
        {
            schema.Add(reader.GetString(0));
        }

        schema.Sort(StringComparer.Ordinal);
        return schema;
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
