using Crm.Domain.Companies;
using Crm.Domain.Imports;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// A chunk of a companies import: matched on the normalised domain, a row refused when another company holds its
/// domain. A row's address (any of its columns) replaces the company's whole address, as the API's update does.
/// </summary>
internal sealed class CompanyImportChunk(IEntityType companies)
    : ImportChunk<PreparedCompanyRow>(companies, "import_companies", Added, Address)
{
    private static readonly (string Name, string DataType)[] Added =
    [
        ("import_row", "bigint"), ("raw", "jsonb"), ("name_given", "boolean"), ("domain_given", "boolean"),
        ("industry_given", "boolean"), ("employee_count_given", "boolean"), ("website_given", "boolean"), ("phone_given", "boolean"),
        ("address_given", "boolean"), ("owner_given", "boolean"), ("tags_given", "boolean"), ("missing_required", "text"),
        ("timeline_id", "uuid"), ("audit_id", "uuid"),
    ];

    /// <summary>The address's columns, which the company's owned address maps.</summary>
    private static readonly string[] Address =
        ["address_line1", "address_line2", "address_city", "address_region", "address_postal_code", "address_country"];

    public override Type RecordType => typeof(Company);

    /// <summary>A company's address as one JSON object (its set lines), or null when it has none: how its changes are kept.</summary>
    public static string AddressJson(string alias) =>
        $"""
        CASE WHEN num_nonnulls({alias}.address_line1, {alias}.address_line2, {alias}.address_city, {alias}.address_region,
                               {alias}.address_postal_code, {alias}.address_country) = 0 THEN NULL
             ELSE jsonb_strip_nulls(jsonb_build_object('line1', {alias}.address_line1, 'line2', {alias}.address_line2, 'city', {alias}.address_city,
                  'region', {alias}.address_region, 'postal_code', {alias}.address_postal_code, 'country', rtrim({alias}.address_country))) END
        """;

    protected override object Record(PreparedCompanyRow row) => row.Company!;

    protected override object?[] Staged(PreparedCompanyRow row)
    {
        var address = row.Company!.Address;
        return
        [
            row.Row, row.Raw, row.NameGiven, row.DomainGiven, row.IndustryGiven, row.EmployeeCountGiven, row.WebsiteGiven,
            row.PhoneGiven, row.AddressGiven, row.OwnerGiven, row.TagsGiven, row.MissingRequired, Guid.CreateVersion7(), Guid.CreateVersion7(),
            address?.Line1, address?.Line2, address?.City, address?.Region, address?.PostalCode, address?.Country,
        ];
    }

    protected override string CheckSql(ClaimedImport job)
    {
        var upsert = job.Mode == ImportMode.Upsert
            ? $"UPDATE {Staging} s SET existing_id = c.id FROM companies c WHERE c.organization_id = @organization AND c.domain = s.domain AND s.failed_code IS NULL;"
            : string.Empty;
        return $"""
            {upsert}
            UPDATE {Staging} s SET failed_code = 'company_domain_taken', failed_detail = 'Another company of the organization has the domain ' || s.domain || '.'
             WHERE s.failed_code IS NULL AND s.domain IS NOT NULL AND (s.existing_id IS NULL OR s.domain_given)
               AND EXISTS (SELECT 1 FROM companies c WHERE c.organization_id = @organization AND c.domain = s.domain
                              AND c.id IS DISTINCT FROM s.existing_id);
            UPDATE {Staging} s SET failed_code = 'validation_failed', failed_detail = 'name: is required to create a company (no company matched the row)'
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
                UNION ALL SELECT 2, jsonb_build_object('field', 'domain', 'from', b.domain, 'to', s.domain)
                 WHERE (s.existing_id IS NULL OR s.domain_given) AND s.domain IS DISTINCT FROM b.domain
                UNION ALL SELECT 3, jsonb_build_object('field', 'industry', 'from', b.industry, 'to', s.industry)
                 WHERE (s.existing_id IS NULL OR s.industry_given) AND s.industry IS DISTINCT FROM b.industry
                UNION ALL SELECT 4, jsonb_build_object('field', 'employee_count', 'from', b.employee_count, 'to', s.employee_count)
                 WHERE (s.existing_id IS NULL OR s.employee_count_given) AND s.employee_count IS DISTINCT FROM b.employee_count
                UNION ALL SELECT 5, jsonb_build_object('field', 'website', 'from', b.website, 'to', s.website)
                 WHERE (s.existing_id IS NULL OR s.website_given) AND s.website IS DISTINCT FROM b.website
                UNION ALL SELECT 6, jsonb_build_object('field', 'phone', 'from', b.phone, 'to', s.phone)
                 WHERE (s.existing_id IS NULL OR s.phone_given) AND s.phone IS DISTINCT FROM b.phone
                UNION ALL SELECT 7, jsonb_build_object('field', 'address', 'from', b.address, 'to', {AddressJson("s")})
                 WHERE (s.existing_id IS NULL OR s.address_given) AND {AddressJson("s")} IS DISTINCT FROM b.address
                UNION ALL SELECT 8, jsonb_build_object('field', 'owner_id', 'from', b.owner_id, 'to', s.owner_id)
                 WHERE (s.existing_id IS NULL OR s.owner_given) AND s.owner_id IS DISTINCT FROM b.owner_id
                UNION ALL SELECT 9, jsonb_build_object('field', 'tags', 'from', to_jsonb(coalesce(b.tags, ARRAY[]::text[])), 'to', to_jsonb(s.tags))
                 WHERE (s.existing_id IS NULL OR s.tags_given) AND s.tags IS DISTINCT FROM coalesce(b.tags, ARRAY[]::text[])
                UNION ALL SELECT 10, jsonb_build_object('field', 'custom_fields.' || e.key, 'from', b.custom_fields -> e.key, 'to', e.value)
                  FROM jsonb_each(s.custom_fields) e
                 WHERE b.custom_fields -> e.key IS DISTINCT FROM e.value) x), '[]'::jsonb)
          FROM (SELECT t.import_row, c.name, c.domain, c.industry, c.employee_count, c.website, c.phone, {AddressJson("c")} AS address,
                       c.owner_id, c.tags, c.custom_fields
                  FROM {Staging} t LEFT JOIN companies c ON c.id = t.existing_id) b
         WHERE b.import_row = s.import_row AND s.failed_code IS NULL
        """;

    protected override string WriteSql =>
        $"""
        INSERT INTO companies ({Columns})
        SELECT {Columns} FROM {Staging} WHERE failed_code IS NULL AND existing_id IS NULL;
        UPDATE companies c SET
               name = CASE WHEN s.name_given THEN s.name ELSE c.name END,
               domain = CASE WHEN s.domain_given THEN s.domain ELSE c.domain END,
               industry = CASE WHEN s.industry_given THEN s.industry ELSE c.industry END,
               employee_count = CASE WHEN s.employee_count_given THEN s.employee_count ELSE c.employee_count END,
               website = CASE WHEN s.website_given THEN s.website ELSE c.website END,
               phone = CASE WHEN s.phone_given THEN s.phone ELSE c.phone END,
               address_line1 = CASE WHEN s.address_given THEN s.address_line1 ELSE c.address_line1 END,
               address_line2 = CASE WHEN s.address_given THEN s.address_line2 ELSE c.address_line2 END,
               address_city = CASE WHEN s.address_given THEN s.address_city ELSE c.address_city END,
               address_region = CASE WHEN s.address_given THEN s.address_region ELSE c.address_region END,
               address_postal_code = CASE WHEN s.address_given THEN s.address_postal_code ELSE c.address_postal_code END,
               address_country = CASE WHEN s.address_given THEN s.address_country ELSE c.address_country END,
               owner_id = CASE WHEN s.owner_given THEN s.owner_id ELSE c.owner_id END,
               tags = CASE WHEN s.tags_given THEN s.tags ELSE c.tags END,
               tag_keys = CASE WHEN s.tags_given THEN s.tag_keys ELSE c.tag_keys END,
               custom_fields = c.custom_fields || s.custom_fields,
               updated_at = @now
          FROM {Staging} s
         WHERE c.id = s.existing_id AND c.organization_id = @organization AND s.failed_code IS NULL AND s.changes <> '[]'::jsonb;
        {TimelineAndAuditSql("company", "company_id")}
        {ImportRecordsSql}
        """;
}
