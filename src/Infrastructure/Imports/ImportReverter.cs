using System.Data.Common;
using System.Text.Json;
using Crm.Application.Common.Security;
using Crm.Application.Imports.Common;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Undoes an import with a few statements in the command's transaction: the records it created and nobody changed or
/// used since are deleted (<see cref="RevertedRecords"/> says, per record type, what uses one); each field it changed that still holds the imported value gets its earlier value back; each
/// with its timeline and audit entries. The rest is listed, not touched.
/// </summary>
internal sealed class ImportReverter(CrmDbContext db, IRequestContext context, TimeProvider time) : IImportReverter
{
    /// <summary>How many skipped records the answer lists.</summary>
    private const int ListedSkipped = 1_000;

    /// <summary>A version 7 UUID made in SQL (PostgreSQL 15 has no function for it): the time in the first 48 bits.</summary>
    internal const string NewId =
        "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid";

    /// <summary>A JSON value as the timeline and the audit log keep it: text, or null.</summary>
    private const string Text = "CASE jsonb_typeof({0}) WHEN 'string' THEN {0} WHEN 'null' THEN 'null'::jsonb ELSE to_jsonb(({0})::text) END";

    public async Task<ImportRevertDto?> RevertAsync(ImportJob job, Actor actor, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("A revert runs in the command's transaction.");
        var parameters = new Dictionary<string, object>
        {
            ["import"] = job.Id,
            ["organization"] = job.OrganizationId,
            ["actor"] = actor.UserId,
            ["actor_type"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(context.ActorTypeOf(actor.UserId).ToString()),
            ["now"] = time.GetUtcNow().UtcDateTime,
        };
        if (await ExecuteAsync(connection, transaction, parameters, """
                UPDATE import_jobs SET status = 'reverted', reverted_at = @now
                 WHERE id = @import AND organization_id = @organization AND status = 'succeeded'
                """, cancellationToken) != 1)
        {
            return null;
        }

        var shape = job.RecordType == ImportRecordType.Companies ? RevertedRecords.Companies : RevertedRecords.Contacts;
        await ExecuteAsync(connection, transaction, parameters, $"""
            CREATE TEMP TABLE import_revert ON COMMIT DROP AS
            SELECT r.record_id, r.action, c.id IS NOT NULL AS present, coalesce(c.updated_at > r.written_at, false) AS changed_since,
                   ({shape.InUse}) AS in_use
              FROM import_records r LEFT JOIN {shape.Table} c ON c.id = r.record_id AND c.organization_id = r.organization_id
             WHERE r.import_id = @import AND r.action = 'created';
            CREATE TEMP TABLE import_revert_fields ON COMMIT DROP AS
            SELECT r.record_id, e ->> 'field' AS field, coalesce(e -> 'from', 'null'::jsonb) AS old_value, coalesce(e -> 'to', 'null'::jsonb) AS new_value,
                   coalesce(e -> 'to', 'null'::jsonb) = coalesce({shape.Current}, 'null'::jsonb) AS unchanged, false AS key_taken
              FROM import_records r JOIN {shape.Table} c ON c.id = r.record_id AND c.organization_id = r.organization_id
                   CROSS JOIN LATERAL jsonb_array_elements(r.changes) e
             WHERE r.import_id = @import AND r.action = 'updated';
            UPDATE import_revert_fields f SET key_taken = true
             WHERE f.field = '{shape.Key}' AND f.unchanged AND f.old_value <> 'null'::jsonb
               AND EXISTS (SELECT 1 FROM {shape.Table} c WHERE c.organization_id = @organization AND c.id <> f.record_id
                              AND {shape.KeyTaken});
            """, cancellationToken);

        var deleted = await ExecuteAsync(connection, transaction, parameters, $"""
            WITH gone AS (
                DELETE FROM {shape.Table} c USING import_revert v
                 WHERE v.record_id = c.id AND c.organization_id = @organization AND NOT v.changed_since AND NOT v.in_use
                RETURNING c.id, c.name)
            INSERT INTO audit_logs (id, organization_id, actor_id, actor_type, action, entity_type, entity_id, changes, created_at)
            SELECT {NewId}, @organization, @actor, @actor_type, 'delete_{shape.Entity}', '{shape.Entity}', id,
                   jsonb_build_array(jsonb_build_object('field', 'name', 'from', name, 'to', null)), @now
              FROM gone
            """, cancellationToken);

        var restore = $"""
            WITH r AS (
                SELECT record_id,
                       jsonb_object_agg(field, old_value) FILTER (WHERE field NOT LIKE 'custom\_fields.%') AS o,
                       coalesce(jsonb_object_agg(substr(field, 15), old_value) FILTER (WHERE field LIKE 'custom\_fields.%' AND old_value <> 'null'::jsonb), jsonb_build_object()) AS cf,
                       coalesce(array_agg(substr(field, 15)) FILTER (WHERE field LIKE 'custom\_fields.%' AND old_value = 'null'::jsonb), ARRAY[]::text[]) AS cleared,
                       jsonb_agg(jsonb_build_object('field', field, 'from', {string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, "new_value")}, 'to', {string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, "old_value")})) AS changes
                  FROM import_revert_fields WHERE unchanged AND NOT key_taken GROUP BY record_id),
            restored AS (
                UPDATE {shape.Table} c SET
            {shape.Restore}
                       custom_fields = (c.custom_fields - r.cleared) || r.cf,
                       updated_at = @now
                  FROM r
                 WHERE c.id = r.record_id AND c.organization_id = @organization
                RETURNING c.id, r.changes),
            timeline AS (
                INSERT INTO activities (id, organization_id, {shape.Entity}_id, author_id, author_type, type, payload, created_at)
                SELECT {NewId}, @organization, id, @actor, @actor_type, '{shape.Entity}_updated', jsonb_build_object('changes', changes), @now FROM restored)
            INSERT INTO audit_logs (id, organization_id, actor_id, actor_type, action, entity_type, entity_id, changes, created_at)
            SELECT {NewId}, @organization, @actor, @actor_type, 'update_{shape.Entity}', '{shape.Entity}', id, changes, @now FROM restored
            """;
        var restored = await ExecuteAsync(connection, transaction, parameters, restore, cancellationToken);

        // The companies a contacts import created for its rows, once nothing uses them (its own contacts deleted and restored above).
        deleted += await ExecuteAsync(connection, transaction, parameters, $"""
            WITH gone AS (
                DELETE FROM companies c USING import_records r
                 WHERE r.import_id = @import AND r.action = 'company_created' AND c.id = r.record_id AND c.organization_id = @organization
                   AND c.updated_at <= r.written_at AND NOT ({RevertedRecords.Companies.InUse})
                RETURNING c.id, c.name)
            INSERT INTO audit_logs (id, organization_id, actor_id, actor_type, action, entity_type, entity_id, changes, created_at)
            SELECT {NewId}, @organization, @actor, @actor_type, 'delete_company', 'company', id,
                   jsonb_build_array(jsonb_build_object('field', 'name', 'from', name, 'to', null)), @now
              FROM gone
            """, cancellationToken);

        var skipped = new List<SkippedRecordDto>();
        long skippedTotal = 0;
        await using (var command = Command(connection, transaction, parameters, $"""
                         SELECT record_id, CASE WHEN in_use AND NOT changed_since THEN 'in_use' ELSE 'changed_since_import' END, NULL
                           FROM import_revert WHERE present AND (changed_since OR in_use)
                         UNION ALL
                         SELECT record_id, CASE WHEN key_taken THEN '{shape.Key}_taken' ELSE 'changed_since_import' END, field
                           FROM import_revert_fields WHERE NOT unchanged OR key_taken
                         ORDER BY 1, 3
                         """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (++skippedTotal <= ListedSkipped)
                {
                    skipped.Add(new SkippedRecordDto(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }
        }

        return new ImportRevertDto(job.Id, deleted, restored, skippedTotal, skipped);
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, DbTransaction transaction, Dictionary<string, object> parameters, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, parameters, sql);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, DbTransaction transaction, Dictionary<string, object> parameters, string sql)
    {
        var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
