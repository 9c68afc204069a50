using Crm.Domain.Attachments;
using Crm.Domain.Exports;
using Crm.Domain.Imports;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Crm.Infrastructure.Backups;

/// <summary>
/// What a backup and a restore's check read from one database: the last applied migration, every table's row count
/// and the storage keys of the stored files (attachments, import sources, export results), with the table and column
/// names taken from the model.
/// </summary>
public sealed class BackupSnapshot(CrmDbContext db)
{
    public static async Task<string> SchemaVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT max(migration_id) FROM \"{HistoryRepository.DefaultTableName}\"", connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? string.Empty;
    }

    public static async Task<SortedDictionary<string, long>> CountRowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection, transaction);
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    /// <summary>Every storage key the database names, each once, in order.</summary>
    public async Task<IReadOnlyList<string>> StorageKeysAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var selects = new[]
        {
            Column<Attachment>(nameof(Attachment.StorageKey)),
            Column<ImportJob>(nameof(ImportJob.FileKey)),
            Column<ExportJob>(nameof(ExportJob.FileKey)),
        }.Select(c => $"SELECT \"{c.Column}\" AS key FROM \"{c.Table}\" WHERE \"{c.Column}\" IS NOT NULL");
        await using var command = new NpgsqlCommand($"SELECT DISTINCT key FROM ({string.Join(" UNION ALL ", selects)}) k ORDER BY 1", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private (string Table, string Column) Column<T>(string property)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (entity.GetTableName()!, entity.FindProperty(property)!.GetColumnName(table)!);
    }
}
