using Crm.Application.Imports.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Imports;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// A chunk of a contacts import: matched on email or external id, a row refused when another contact holds its email
/// or external id, or when its address is on the organization's suppression list (<see cref="IImportRowFilter"/>); the
/// company a row names is found, or created (<see cref="ClaimedImport.CreateCompanies"/>).
/// </summary>
internal sealed class ContactImportChunk(IEntityType contacts, IImportRowFilter filter)
    : ImportChunk<PreparedContactRow>(contacts, "import_contacts", Added, [])
{
    private static readonly (string Name, string DataType)[] Added =
    [
        ("import_row", "bigint"), ("raw", "jsonb"), ("name_given", "boolean"), ("email_given", "boolean"),
        ("phone_given", "boolean"), ("external_id_given", "boolean"), ("owner_given", "boolean"), ("tags_given", "boolean"),
        ("missing_required", "text"), ("timeline_id", "uuid"), ("audit_id", "uuid"), ("company_domain", "text"), ("company_name", "text"),
    ];

    public override Type RecordType => typeof(Contact);

    protected override object Record(PreparedContactRow row) => row.Contact!;

    protected override object?[] Staged(PreparedContactRow row) =>
    [
        row.Row, row.Raw, row.NameGiven, row.EmailGiven, row.PhoneGiven, row.ExternalIdGiven, row.OwnerGiven, row.TagsGiven,
        row.MissingRequired, Guid.CreateVersion7(), Guid.CreateVersion7(), row.CompanyDomain, row.CompanyName,
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
            {(job.Mapping.Values.Any(f => f is ImportFields.CompanyDomain or ImportFields.CompanyName) ? CompanySql(job) : string.Empty)}
            """;
    }

    /// <summary>
    /// Finds the company each row names: by its domain, else by its name in any case (several of that name: the row
    /// fails, ambiguous). What is not found fails the row, unless the import creates companies: then each missing one
    /// is created once (named by the first row that names it, owned by that row's owner, its domain if it was named by
    /// one), with its timeline and audit entries, and recorded for the revert. Runs after the row's other checks, so
    /// no company is created for a row that fails.
    /// </summary>
    private string CompanySql(ClaimedImport job)
    {
        var create = job.CreateCompanies && !job.DryRun
            ? $"""
              CREATE TEMP TABLE import_new_companies ON COMMIT DROP AS
              SELECT DISTINCT ON (k) {ImportReverter.NewId} AS id, k, domain, name, owner_id
                FROM (SELECT coalesce(company_domain, lower(company_name)) AS k, company_domain AS domain,
                             coalesce(company_name, company_domain) AS name, owner_id, import_row
                        FROM {Staging} WHERE failed_code IS NULL AND company_id IS NULL AND coalesce(company_domain, company_name) IS NOT NULL) w
               ORDER BY k, import_row;
              DELETE FROM import_new_companies
               WHERE EXISTS (SELECT 1 FROM custom_field_definitions d WHERE d.organization_id = @organization AND d.record_type = 'company' AND d.required);
              INSERT INTO companies (id, organization_id, owner_id, name, domain, tags, tag_keys, custom_fields, created_at, updated_at)
              SELECT id, @organization, owner_id, name, domain, ARRAY[]::text[], ARRAY[]::text[], jsonb_build_object(), @now, @now FROM import_new_companies;
              UPDATE {Staging} s SET company_id = n.id FROM import_new_companies n
               WHERE s.failed_code IS NULL AND s.company_id IS NULL AND n.k = coalesce(s.company_domain, lower(s.company_name));
              INSERT INTO activities (id, organization_id, company_id, author_id, author_type, type, payload, created_at)
              SELECT {ImportReverter.NewId}, @organization, id, @actor, @actor_type, 'system', jsonb_build_object('event', 'company_created'), @now
                FROM import_new_companies;
              INSERT INTO audit_logs (id, organization_id, actor_id, actor_type, action, entity_type, entity_id, changes, created_at)
              SELECT {ImportReverter.NewId}, @organization, @actor, @actor_type, 'create_company', 'company', id,
                     jsonb_build_array(jsonb_build_object('field', 'name', 'from', null, 'to', name),
                                       jsonb_build_object('field', 'domain', 'from', null, 'to', domain)), @now
                FROM import_new_companies;
              INSERT INTO import_records (import_id, organization_id, record_id, action, changes, written_at)
              SELECT @job, @organization, id, 'company_created', '[]'::jsonb, @now FROM import_new_companies;
              """
            : string.Empty;
        var missing = job.CreateCompanies && job.DryRun
            ? string.Empty
            : $"""
              UPDATE {Staging} s SET failed_code = 'import_company_not_found',
                     failed_detail = 'No company of the organization has the ' || CASE WHEN s.company_domain IS NOT NULL THEN 'domain ' || s.company_domain ELSE 'name ' || s.company_name END
                                     || '{(job.CreateCompanies ? " (an import creates no company while companies have required custom fields)." : "; send create_companies=true to create it.")}'
               WHERE s.failed_code IS NULL AND s.company_id IS NULL AND coalesce(s.company_domain, s.company_name) IS NOT NULL;
              """;
        return $"""
            UPDATE {Staging} s SET company_id = c.id FROM companies c
             WHERE s.failed_code IS NULL AND s.company_domain IS NOT NULL AND c.organization_id = @organization AND c.domain = s.company_domain;
            UPDATE {Staging} s SET company_id = CASE WHEN n.count = 1 THEN n.id END,
                   failed_code = CASE WHEN n.count > 1 THEN 'import_company_ambiguous' END,
                   failed_detail = CASE WHEN n.count > 1 THEN n.count || ' companies of the organization are named ' || s.company_name || '; name the company by its domain.' END
              FROM (SELECT lower(name) AS k, min(id::text)::uuid AS id, count(*) AS count FROM companies WHERE organization_id = @organization
                     GROUP BY lower(name)) n
             WHERE s.failed_code IS NULL AND s.company_domain IS NULL AND s.company_name IS NOT NULL AND n.k = lower(s.company_name);
            {create}
            {missing}
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
                UNION ALL SELECT 7, jsonb_build_object('field', 'company_id', 'from', b.company_id, 'to', s.company_id)
                 WHERE (s.existing_id IS NULL OR (s.company_domain IS NOT NULL OR s.company_name IS NOT NULL)) AND s.company_id IS DISTINCT FROM b.company_id
                UNION ALL SELECT 8, jsonb_build_object('field', 'custom_fields.' || e.key, 'from', b.custom_fields -> e.key, 'to', e.value)
                  FROM jsonb_each(s.custom_fields) e
                 WHERE b.custom_fields -> e.key IS DISTINCT FROM e.value) x), '[]'::jsonb)
          FROM (SELECT t.import_row, c.name, c.email, c.phone, c.owner_id, c.external_id, c.tags, c.company_id, c.custom_fields
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
               company_id = CASE WHEN (s.company_domain IS NOT NULL OR s.company_name IS NOT NULL) THEN s.company_id ELSE c.company_id END,
               custom_fields = c.custom_fields || s.custom_fields,
               updated_at = @now
          FROM {Staging} s
         WHERE c.id = s.existing_id AND c.organization_id = @organization AND s.failed_code IS NULL AND s.changes <> '[]'::jsonb;
        {TimelineAndAuditSql("contact", "contact_id")}
        {ImportRecordsSql}
        """;
}
