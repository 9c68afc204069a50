using System.Text.Json;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Writes one chunk of prepared contact rows in one transaction, as sets: the rows are copied into a staging table,
/// matched and checked there with the rules the database can tell (a key or email another contact holds, a contact
/// created without a name or a required custom field), then the contacts are inserted and updated, each with its
/// timeline entry, audit entry and the import's record of it, the failed rows go to the import's errors, and the
/// import's progress and counts move on, all committed together or not at all.
/// </summary>
internal sealed class ContactImportChunk
{
    private const string Staging = "import_contacts";

    private static readonly (string Name, string DataType)[] Extra =
    [
        ("import_row", "bigint"), ("raw", "jsonb"), ("name_given", "boolean"), ("email_given", "boolean"),
        ("phone_given", "boolean"), ("external_id_given", "boolean"), ("owner_given", "boolean"), ("tags_given", "boolean"),
        ("missing_required", "text"), ("timeline_id", "uuid"), ("audit_id", "uuid"),
    ];

    /// <summary>A change list's values as the timeline and the audit log keep them: text, or null.</summary>
    private const string TextChanges =
        """
        (SELECT coalesce(jsonb_agg(jsonb_build_object(
                    'field', e ->> 'field',
                    'from', CASE jsonb_typeof(e -> 'from') WHEN 'string' THEN e -> 'from' WHEN 'null' THEN 'null'::jsonb ELSE to_jsonb((e -> 'from')::text) END,
                    'to', CASE jsonb_typeof(e -> 'to') WHEN 'string' THEN e -> 'to' WHEN 'null' THEN 'null'::jsonb ELSE to_jsonb((e -> 'to')::text) END)), '[]'::jsonb)
           FROM jsonb_array_elements(s.changes) e)
        """;

    private readonly CopyTable _copy;
    private readonly string _columns;

    public ContactImportChunk(IEntityType contacts)
    {
        _copy = CopyTable.For(contacts, Staging, Extra);
        _columns = string.Join(", ", _copy.ColumnNames.Select(c => $"\"{c}\""));
    }

    /// <summary>Writes the chunk and moves the import's progress to <paramref name="rowsDone"/>; null when the import is no longer this runner's.</summary>
    public async Task<ImportChunkCounts?> WriteAsync(
        NpgsqlConnection connection, ClaimedImport job, IReadOnlyList<PreparedContactRow> rows, long rowsDone,
        IImportRowFilter filter, TimeSpan lease, DateTime now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE {Staging} (LIKE contacts) ON COMMIT DROP;
            ALTER TABLE {Staging} DROP COLUMN search_text, {string.Join(", ", Extra.Select(e => $"ADD COLUMN {e.Name} {e.DataType}"))},
                ADD COLUMN existing_id uuid, ADD COLUMN failed_code text, ADD COLUMN failed_detail text, ADD COLUMN changes jsonb
            """, job, now, ct);
        await CopyAsync(connection, job, rows, ct);
        await filter.ExcludeAsync(connection, job.OrganizationId, ct);
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

    private async Task CopyAsync(NpgsqlConnection connection, ClaimedImport job, IReadOnlyList<PreparedContactRow> rows, CancellationToken ct)
    {
        await using (var importer = await connection.BeginBinaryImportAsync(_copy.Statement, ct))
        {
            foreach (var row in rows.Where(r => r.Contact is not null))
            {
                await _copy.WriteRowAsync(
                    importer, row.Contact!, ct, row.Row, row.Raw, row.NameGiven, row.EmailGiven, row.PhoneGiven, row.ExternalIdGiven,
                    row.OwnerGiven, row.TagsGiven, row.MissingRequired, Guid.CreateVersion7(), Guid.CreateVersion7());
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

    /// <summary>Matches the staged rows (upsert), then refuses what the database shows to be taken or incomplete.</summary>
    private static string CheckSql(ClaimedImport job)
    {
        var match = job.MatchOn == Domain.Imports.ImportMatch.Email
            ? "c.normalized_email = s.normalized_email"
            : "c.external_id = s.external_id";
        var upsert = job.Mode == Domain.Imports.ImportMode.Upsert
            ? $"UPDATE {Staging} s SET existing_id = c.id FROM contacts c WHERE c.organization_id = @organization AND {match} AND s.failed_code IS NULL;"
            : string.Empty;
        return $"""
            {upsert}
            UPDATE {Staging} s SET failed_code = 'contact_email_taken', failed_detail = 'Another contact of the organization has the email ' || s.email || '.'
             WHERE s.failed_code IS NULL AND s.normalized_email IS NOT NULL AND (s.existing_id IS NULL OR s.email_given)
               AND EXISTS (SELECT 1 FROM contacts c WHERE c.organization_id = @organization AND c.normalized_email = s.normalized_email
                              AND c.id IS DISTINCT FROM s.existing_id);
            UPDATE {Staging} s SET failed_code = 'external_id_taken', failed_detail = 'Another contact of the organization has the external id ' || s.external_id || '.'
             WHERE s.failed_code IS NULL AND s.external_id IS NOT NULL AND (s.existing_id IS NULL OR s.external_id_given)
               AND EXISTS (SELECT 1 FROM contacts c WHERE c.organization_id = @organization AND c.external_id = s.external_id
                              AND c.id IS DISTINCT FROM s.existing_id);
            UPDATE {Staging} s SET failed_code = 'validation_failed', failed_detail = 'name: is required to create a contact (no contact matched the row)'
             WHERE s.failed_code IS NULL AND s.existing_id IS NULL AND NOT s.name_given;
            UPDATE {Staging} s SET failed_code = 'validation_failed', failed_detail = s.missing_required
             WHERE s.failed_code IS NULL AND s.existing_id IS NULL AND s.missing_required IS NOT NULL;
            """;
    }

    /// <summary>Each staged row's changes, with JSON values: every field a created contact has, the fields an update changes.</summary>
    private const string ChangesSql =
        $"""
        UPDATE {Staging} s SET changes = coalesce((
            SELECT jsonb_agg(x.change ORDER BY x.n) FROM (
                SELECT 1 AS n, jsonb_build_object('field', 'name', 'from', b.name, 'to', s.name) AS change
                 WHERE (s.existing_id IS NULL OR s.name_given) AND s.name IS DISTINCT FROM b.name
                UNION ALL SELECT 2, jsonb_build_object('field', 'email', 'from', b.email, 'to', s.email)
                 WHERE (s.existing_id IS NULL OR s.email_given) AND s.email IS DISTINCT FROM b.email
                UNION ALL SELECT 3, jsonb_build_object('field', 'phone', 'from', b.phone, 'to', s.phone)
                 WHERE (s.existing_id IS NULL OR s.phone_given) AND s.phone IS DISTINCT FROM b.phone
                UNION ALL SELECT 4, jsonb_build_object('field', 'owner_id', 'from', b.owner_id, 'to', s.owner_id)
                 WHERE (s.existing_id IS NULL OR s.owner_given) AND s.owner_id IS DISTINCT FROM b.owner_id
                UNION ALL SELECT 5, jsonb_build_object('field', 'external_id', 'from', b.external_id, 'to', s.external_id)
                 WHERE (s.existing_id IS NULL OR s.external_id_given) AND s.external_id IS DISTINCT FROM b.external_id
                UNION ALL SELECT 6, jsonb_build_object('field', 'tags', 'from', to_jsonb(coalesce(b.tags, ARRAY[]::text[])), 'to', to_jsonb(s.tags))
                 WHERE (s.existing_id IS NULL OR s.tags_given) AND s.tags IS DISTINCT FROM coalesce(b.tags, ARRAY[]::text[])
                UNION ALL SELECT 7, jsonb_build_object('field', 'custom_fields.' || e.key, 'from', b.custom_fields -> e.key, 'to', e.value)
                  FROM jsonb_each(s.custom_fields) e
                 WHERE b.custom_fields -> e.key IS DISTINCT FROM e.value) x), '[]'::jsonb)
          FROM (SELECT t.import_row, c.name, c.email, c.phone, c.owner_id, c.external_id, c.tags, c.custom_fields
                  FROM {Staging} t LEFT JOIN contacts c ON c.id = t.existing_id) b
         WHERE b.import_row = s.import_row AND s.failed_code IS NULL
        """;

    /// <summary>The writes: new contacts, changed contacts, and for each its timeline entry, audit entry and import record.</summary>
    private string WriteSql =>
        $"""
        INSERT INTO contacts ({_columns})
        SELECT {_columns} FROM {Staging} WHERE failed_code IS NULL AND existing_id IS NULL;
        UPDATE contacts c SET
               name = CASE WHEN s.name_given THEN s.name ELSE c.name END,
               email = CASE WHEN s.email_given THEN s.email ELSE c.email END,
               normalized_email = CASE WHEN s.email_given THEN s.normalized_email ELSE c.normalized_email END,
               phone = CASE WHEN s.phone_given THEN s.phone ELSE c.phone END,
               external_id = CASE WHEN s.external_id_given THEN s.external_id ELSE c.external_id END,
               owner_id = CASE WHEN s.owner_given THEN s.owner_id ELSE c.owner_id END,
               tags = CASE WHEN s.tags_given THEN s.tags ELSE c.tags END,
               tag_keys = CASE WHEN s.tags_given THEN s.tag_keys ELSE c.tag_keys END,
               custom_fields = c.custom_fields || s.custom_fields,
               updated_at = @now
          FROM {Staging} s
         WHERE c.id = s.existing_id AND c.organization_id = @organization AND s.failed_code IS NULL AND s.changes <> '[]'::jsonb;
        INSERT INTO activities (id, organization_id, contact_id, author_id, author_type, type, payload, created_at)
        SELECT s.timeline_id, @organization, coalesce(s.existing_id, s.id), @actor, @actor_type,
               CASE WHEN s.existing_id IS NULL THEN 'system' ELSE 'contact_updated' END,
               CASE WHEN s.existing_id IS NULL THEN jsonb_build_object('event', 'contact_created') ELSE jsonb_build_object('changes', {TextChanges}) END,
               @now
          FROM {Staging} s WHERE s.failed_code IS NULL AND (s.existing_id IS NULL OR s.changes <> '[]'::jsonb);
        INSERT INTO audit_logs (id, organization_id, actor_id, actor_type, action, entity_type, entity_id, changes, created_at)
        SELECT s.audit_id, @organization, @actor, @actor_type,
               CASE WHEN s.existing_id IS NULL THEN 'create_contact' ELSE 'update_contact' END, 'contact',
               coalesce(s.existing_id, s.id), {TextChanges}, @now
          FROM {Staging} s WHERE s.failed_code IS NULL AND (s.existing_id IS NULL OR s.changes <> '[]'::jsonb);
        INSERT INTO import_records (import_id, organization_id, record_id, action, changes, written_at)
        SELECT @job, @organization, coalesce(s.existing_id, s.id), CASE WHEN s.existing_id IS NULL THEN 'created' ELSE 'updated' END,
               CASE WHEN s.existing_id IS NULL THEN '[]'::jsonb ELSE s.changes END, @now
          FROM {Staging} s WHERE s.failed_code IS NULL AND (s.existing_id IS NULL OR s.changes <> '[]'::jsonb);
        """;

    private static async Task<ImportChunkCounts> CountAsync(NpgsqlConnection connection, int failedBefore, CancellationToken ct)
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
