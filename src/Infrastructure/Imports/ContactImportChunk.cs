using Crm.Domain.Contacts;
using Crm.Domain.Imports;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// A chunk of a contacts import: matched on email or external id, a row refused when another contact holds its email
/// or external id, or when its address is on the organization's suppression list (<see cref="IImportRowFilter"/>).
/// </summary>
internal sealed class ContactImportChunk(IEntityType contacts, IImportRowFilter filter)
    : ImportChunk<PreparedContactRow>(contacts, "import_contacts", Added, [])
{
    private static readonly (string Name, string DataType)[] Added =
    [
        ("import_row", "bigint"), ("raw", "jsonb"), ("name_given", "boolean"), ("email_given", "boolean"),
        ("phone_given", "boolean"), ("external_id_given", "boolean"), ("owner_given", "boolean"), ("tags_given", "boolean"),
        ("missing_required", "text"), ("timeline_id", "uuid"), ("audit_id", "uuid"),
    ];

    public override Type RecordType => typeof(Contact);

    protected override object Record(PreparedContactRow row) => row.Contact!;

    protected override object?[] Staged(PreparedContactRow row) =>
    [
        row.Row, row.Raw, row.NameGiven, row.EmailGiven, row.PhoneGiven, row.ExternalIdGiven, row.OwnerGiven, row.TagsGiven,
        row.MissingRequired, Guid.CreateVersion7(), Guid.CreateVersion7(),
    ];

    protected override Task FilterAsync(NpgsqlConnection connection, ClaimedImport job, CancellationToken ct) =>
        filter.ExcludeAsync(connection, job.OrganizationId, ct);

    protected override string CheckSql(ClaimedImport job)
    {
        var match = job.MatchOn == ImportMatch.Email
            ? "c.normalized_email = s.normalized_email"
            : "c.external_id = s.external_id";
        var upsert = job.Mode == ImportMode.Upsert
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

    protected override string ChangesSql =>
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

    protected override string WriteSql =>
        $"""
        INSERT INTO contacts ({Columns})
        SELECT {Columns} FROM {Staging} WHERE failed_code IS NULL AND existing_id IS NULL;
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
        {TimelineAndAuditSql("contact", "contact_id")}
        {ImportRecordsSql}
        """;
}
