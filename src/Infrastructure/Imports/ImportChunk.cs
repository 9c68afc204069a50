using System.Text.Json;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Writes one chunk of prepared rows in one transaction, as sets: the rows are copied into a staging table shaped like
/// the record type's (<see cref="Staging"/>), matched and checked there with the rules the database can tell (a key
/// another record holds, a record created without a name or a required custom field), then the records are inserted
/// and updated, each with its timeline entry, audit entry and the import's record of it, the failed rows go to the
/// import's errors, and the import's progress and counts move on, all committed together or not at all.
/// </summary>
internal abstract class ImportChunk<TRow>
    where TRow : PreparedImportRow
{
    /// <summary>A change list's values as the timeline and the audit log keep them: text, or null.</summary>
    protected const string TextChanges =
        """
        (SELECT coalesce(jsonb_agg(jsonb_build_object(
                    'field', e ->> 'field',
                    'from', CASE jsonb_typeof(e -> 'from') WHEN 'string' THEN e -> 'from' WHEN 'null' THEN 'null'::jsonb ELSE to_jsonb((e -> 'from')::text) END,
                    'to', CASE jsonb_typeof(e -> 'to') WHEN 'string' THEN e -> 'to' WHEN 'null' THEN 'null'::jsonb ELSE to_jsonb((e -> 'to')::text) END)), '[]'::jsonb)
           FROM jsonb_array_elements(s.changes) e)
        """;

    private readonly CopyTable _copy;
    private readonly IReadOnlyList<(string Name, string DataType)> _added;

    /// <param name="records">The record type's entity, whose table the staging table is shaped like.</param>
    /// <param name="added">Columns the staging table adds to the record's (what the row gave, its number, ...).</param>
    /// <param name="owned">Columns of the record's table that its entity does not map itself (an owned value's), copied after the added ones.</param>
    protected ImportChunk(IEntityType records, string staging, IReadOnlyList<(string Name, string DataType)> added, IReadOnlyList<string> owned)
    {
        Staging = staging;
        Table = records.GetTableName()!;
        _added = added;
        _copy = CopyTable.For(records, staging, [.. added, .. owned.Select(o => (o, "text"))]);
        Columns = string.Join(", ", _copy.ColumnNames.Concat(owned).Select(c => $"\"{c}\""));
    }

    /// <summary>The records' type, whose cached lists a written chunk makes stale.</summary>
    public abstract Type RecordType { get; }

    protected string Staging { get; }

    protected string Table { get; }

    /// <summary>The record's columns an insert from the staging table lists.</summary>
    protected string Columns { get; }

    /// <summary>Writes the chunk and moves the import's progress to <paramref name="rowsDone"/>; null when the import is no longer this runner's.</summary>
    public async Task<ImportChunkCounts?> WriteAsync(
        NpgsqlConnection connection, ClaimedImport job, IReadOnlyList<TRow> rows, long rowsDone, TimeSpan lease, DateTime now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE {Staging} (LIKE {Table}) ON COMMIT DROP;
            ALTER TABLE {Staging} DROP COLUMN search_text, {string.Join(", ", _added.Select(e => $"ADD COLUMN {e.Name} {e.DataType}"))},
                ADD COLUMN existing_id uuid, ADD COLUMN failed_code text, ADD COLUMN failed_detail text, ADD COLUMN changes jsonb
            """, job, now, ct);
        await CopyAsync(connection, job, rows, ct);
        await FilterAsync(connection, job, ct);
        await ExecuteAsync(connection, CheckSql(job), job, now, ct);
        await ExecuteAsync(connection, ChangesSql, job, now, ct);
        await ExecuteAsync(connection, $"""
            INSERT INTO import_errors (import_id, organization_id, row, code, detail, values)
            SELECT @job, @organization, import_row, failed_code, left(failed_detail, 2000), raw FROM {Staging} WHERE failed_code IS NOT NULL
            """, job, now, ct);
        var counts = await CountAsync(connection, rows.Count(r => r.FailedCode is not null), ct);
        if (!job.DryRun)
        {
            await ExecuteAsync(connection, WriteSql, job, now, ct);
        }

        await using (var progress = new NpgsqlCommand(
                         """
                         UPDATE import_jobs SET rows_done = @done, created = created + @created, updated = updated + @updated,
                                unchanged = unchanged + @unchanged, failed = failed + @failed, locked_until = now() + @lease
                          WHERE id = @job AND status = 'running' AND attempts = @attempts
                         """, connection))
        {
            progress.Parameters.AddWithValue("done", rowsDone);
            progress.Parameters.AddWithValue("created", counts.Created);
            progress.Parameters.AddWithValue("updated", counts.Updated);
            progress.Parameters.AddWithValue("unchanged", counts.Unchanged);
            progress.Parameters.AddWithValue("failed", counts.Failed);
            progress.Parameters.AddWithValue("lease", lease);
            progress.Parameters.AddWithValue("job", job.Id);
            progress.Parameters.AddWithValue("attempts", job.Attempts);
            if (await progress.ExecuteNonQueryAsync(ct) != 1)
            {
                await transaction.RollbackAsync(ct);
                return null;
            }
        }

        await transaction.CommitAsync(ct);
        return counts;
    }

    /// <summary>The record a row that passed its checks would create.</summary>
    protected abstract object Record(TRow row);

    /// <summary>The values of the added columns, then of the owned ones, for a row that passed its checks.</summary>
    protected abstract object?[] Staged(TRow row);

    /// <summary>Holds back staged rows for reasons of the organization's own; none by default.</summary>
    protected virtual Task FilterAsync(NpgsqlConnection connection, ClaimedImport job, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Matches the staged rows (upsert), then refuses what the database shows to be taken or incomplete.</summary>
    protected abstract string CheckSql(ClaimedImport job);

    /// <summary>Each staged row's changes, with JSON values: every field a created record has, the fields an update changes.</summary>
    protected abstract string ChangesSql { get; }

    /// <summary>The writes: new records, changed records, and for each its timeline entry, audit entry and import record.</summary>
    protected abstract string WriteSql { get; }

    /// <summary>The import's record of each record a staged row created or changed.</summary>
    protected string ImportRecordsSql =>
        $"""
        INSERT INTO import_records (import_id, organization_id, record_id, action, changes, written_at)
        SELECT @job, @organization, coalesce(s.existing_id, s.id), CASE WHEN s.existing_id IS NULL THEN 'created' ELSE 'updated' END,
               CASE WHEN s.existing_id IS NULL THEN '[]'::jsonb ELSE s.changes END, @now
          FROM {Staging} s WHERE s.failed_code IS NULL AND (s.existing_id IS NULL OR s.changes <> '[]'::jsonb);
        """;

    /// <summary>Each staged row's timeline entry and audit entry, as a create or an update through the API writes them.</summary>
    protected string TimelineAndAuditSql(string entity, string link) =>
        $"""
        INSERT INTO activities (id, organization_id, {link}, author_id, author_type, type, payload, created_at)
        SELECT s.timeline_id, @organization, coalesce(s.existing_id, s.id), @actor, @actor_type,
               CASE WHEN s.existing_id IS NULL THEN 'system' ELSE '{entity}_updated' END,
               CASE WHEN s.existing_id IS NULL THEN jsonb_build_object('event', '{entity}_created') ELSE jsonb_build_object('changes', {TextChanges}) END,
               @now
          FROM {Staging} s WHERE s.failed_code IS NULL AND (s.existing_id IS NULL OR s.changes <> '[]'::jsonb);
        INSERT INTO audit_logs (id, organization_id, actor_id, actor_type, action, entity_type, entity_id, changes, created_at)
        SELECT s.audit_id, @organization, @actor, @actor_type,
               CASE WHEN s.existing_id IS NULL THEN 'create_{entity}' ELSE 'update_{entity}' END, '{entity}',
               coalesce(s.existing_id, s.id), {TextChanges}, @now
          FROM {Staging} s WHERE s.failed_code IS NULL AND (s.existing_id IS NULL OR s.changes <> '[]'::jsonb);
        """;

    private async Task CopyAsync(NpgsqlConnection connection, ClaimedImport job, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        await using (var importer = await connection.BeginBinaryImportAsync(_copy.Statement, ct))
        {
            foreach (var row in rows.Where(r => r.FailedCode is null))
            {
                await _copy.WriteRowAsync(importer, Record(row), ct, Staged(row));
            }

            await importer.CompleteAsync(ct);
        }

        if (rows.All(r => r.FailedCode is null))
        {
            return;
        }

        await using var errors = await connection.BeginBinaryImportAsync(
            "COPY import_errors (import_id, organization_id, row, code, detail, values) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows.Where(r => r.FailedCode is not null))
        {
            await errors.StartRowAsync(ct);
            await errors.WriteAsync(job.Id, NpgsqlDbType.Uuid, ct);
            await errors.WriteAsync(job.OrganizationId, NpgsqlDbType.Uuid, ct);
            await errors.WriteAsync(row.Row, NpgsqlDbType.Bigint, ct);
            await errors.WriteAsync(row.FailedCode!, NpgsqlDbType.Varchar, ct);
            await errors.WriteAsync(row.FailedDetail ?? string.Empty, NpgsqlDbType.Varchar, ct);
            await errors.WriteAsync(row.Raw, NpgsqlDbType.Jsonb, ct);
        }

        await errors.CompleteAsync(ct);
    }

    private async Task<ImportChunkCounts> CountAsync(NpgsqlConnection connection, int failedBefore, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT count(*) FILTER (WHERE failed_code IS NULL AND existing_id IS NULL),
                   count(*) FILTER (WHERE failed_code IS NULL AND existing_id IS NOT NULL AND changes <> '[]'::jsonb),
                   count(*) FILTER (WHERE failed_code IS NULL AND existing_id IS NOT NULL AND changes = '[]'::jsonb),
                   count(*) FILTER (WHERE failed_code IS NOT NULL)
              FROM {Staging}
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ImportChunkCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3) + failedBefore);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, ClaimedImport job, DateTime now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("organization", job.OrganizationId);
        command.Parameters.AddWithValue("job", job.Id);
        command.Parameters.AddWithValue("actor", job.RequestedBy);
        command.Parameters.AddWithValue("actor_type", JsonNamingPolicy.SnakeCaseLower.ConvertName(job.RequestedByType.ToString()));
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(ct);
    }
}
