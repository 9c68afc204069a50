using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Respawn;

namespace Crm.TestSupport;

/// <summary>
/// A throwaway database on the test PostgreSQL server (started by build/test.sh, named by CRM_TEST_CONNECTION),
/// created fresh and migrated once per test assembly, and emptied between tests.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "CRM_TEST_CONNECTION";

    private readonly NpgsqlDataSource _dataSource;
    private Respawner? _respawner;

    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>The connection string of the server's maintenance database, for creating databases.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. Run the tests with build/test.sh, which starts PostgreSQL and sets it.");

    /// <summary>Drops and recreates the database <paramref name="name"/>, then applies every migration.</summary>
    public static async Task<TestDatabase> CreateAsync(string name, bool migrate = true)
    {
        var connectionString = await RecreateAsync(name);
        var database = new TestDatabase(connectionString);
        if (migrate)
        {
            await new DatabaseMigrator(database._dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }

        return database;
    }

    /// <summary>Drops and recreates an empty database; answers its connection string.</summary>
    public static async Task<string> RecreateAsync(string name)
    {
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Empties every table but the migration journals, with Respawn (which truncates in one statement).</summary>
    public async Task ResetAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [HistoryRepository.DefaultTableName, DatabaseMigrator.LegacyJournalTable],
            WithReseed = true,
        });
        await _respawner.ResetAsync(connection);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
