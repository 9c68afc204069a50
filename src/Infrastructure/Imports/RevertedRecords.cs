namespace Crm.Infrastructure.Imports;

/// <summary>
/// What a revert needs to know of a record type, as SQL over its table (aliased <c>c</c>) and the import's record of it
/// (<c>r</c>, a change <c>e</c>): whether anything uses a created record (then it stays), a changed field's current value,
/// the unique key whose earlier value another record may have taken since, and how the earlier values are set back
/// (from <c>r.o</c>, the plain fields' earlier values by name).
/// </summary>
internal sealed record RevertedRecords(string Table, string Entity, string InUse, string Current, string Key, string KeyTaken, string Restore)
{
    public static readonly RevertedRecords Contacts = new(
        "contacts",
        "contact",
        """
        EXISTS (SELECT 1 FROM deals d WHERE d.organization_id = @organization AND d.contact_id = r.record_id)
        OR EXISTS (SELECT 1 FROM tasks t WHERE t.organization_id = @organization AND t.contact_id = r.record_id)
        OR EXISTS (SELECT 1 FROM attachments a WHERE a.organization_id = @organization AND a.contact_id = r.record_id)
        """,
        """
        CASE e ->> 'field' WHEN 'name' THEN to_jsonb(c.name) WHEN 'email' THEN to_jsonb(c.email) WHEN 'phone' THEN to_jsonb(c.phone)
             WHEN 'owner_id' THEN to_jsonb(c.owner_id) WHEN 'external_id' THEN to_jsonb(c.external_id) WHEN 'tags' THEN to_jsonb(c.tags)
             WHEN 'company_id' THEN to_jsonb(c.company_id)
             ELSE c.custom_fields -> substr(e ->> 'field', 15) END
        """,
        "email",
        "c.normalized_email = upper(f.old_value #>> ARRAY[]::text[])",
        """
                       name = CASE WHEN r.o ? 'name' THEN r.o ->> 'name' ELSE c.name END,
                       email = CASE WHEN r.o ? 'email' THEN r.o ->> 'email' ELSE c.email END,
                       normalized_email = CASE WHEN r.o ? 'email' THEN upper(r.o ->> 'email') ELSE c.normalized_email END,
                       phone = CASE WHEN r.o ? 'phone' THEN r.o ->> 'phone' ELSE c.phone END,
                       owner_id = CASE WHEN r.o ? 'owner_id' THEN (r.o ->> 'owner_id')::uuid ELSE c.owner_id END,
                       external_id = CASE WHEN r.o ? 'external_id' THEN r.o ->> 'external_id' ELSE c.external_id END,
                       company_id = CASE WHEN r.o ? 'company_id'
                                         THEN (SELECT p.id FROM companies p WHERE p.organization_id = @organization AND p.id = (r.o ->> 'company_id')::uuid)
                                         ELSE c.company_id END,
                       tags = CASE WHEN r.o ? 'tags' THEN ARRAY(SELECT jsonb_array_elements_text(r.o -> 'tags')) ELSE c.tags END,
                       tag_keys = CASE WHEN r.o ? 'tags' THEN ARRAY(SELECT lower(btrim(t)) FROM jsonb_array_elements_text(r.o -> 'tags') t) ELSE c.tag_keys END,
        """);

    public static readonly RevertedRecords Companies = new(
        "companies",
        "company",
        """
        EXISTS (SELECT 1 FROM contacts p WHERE p.organization_id = @organization AND p.company_id = r.record_id)
        OR EXISTS (SELECT 1 FROM deals d WHERE d.organization_id = @organization AND d.company_id = r.record_id)
        OR EXISTS (SELECT 1 FROM tasks t WHERE t.organization_id = @organization AND t.company_id = r.record_id)
        """,
        $"""
        CASE e ->> 'field' WHEN 'name' THEN to_jsonb(c.name) WHEN 'domain' THEN to_jsonb(c.domain) WHEN 'industry' THEN to_jsonb(c.industry)
             WHEN 'employee_count' THEN to_jsonb(c.employee_count) WHEN 'website' THEN to_jsonb(c.website) WHEN 'phone' THEN to_jsonb(c.phone)
             WHEN 'address' THEN {CompanyImportChunk.AddressJson("c")}
             WHEN 'owner_id' THEN to_jsonb(c.owner_id) WHEN 'tags' THEN to_jsonb(c.tags)
             ELSE c.custom_fields -> substr(e ->> 'field', 15) END
        """,
        "domain",
        "c.domain = f.old_value #>> ARRAY[]::text[]",
        """
                       name = CASE WHEN r.o ? 'name' THEN r.o ->> 'name' ELSE c.name END,
                       domain = CASE WHEN r.o ? 'domain' THEN r.o ->> 'domain' ELSE c.domain END,
                       industry = CASE WHEN r.o ? 'industry' THEN r.o ->> 'industry' ELSE c.industry END,
                       employee_count = CASE WHEN r.o ? 'employee_count' THEN (r.o ->> 'employee_count')::int ELSE c.employee_count END,
                       website = CASE WHEN r.o ? 'website' THEN r.o ->> 'website' ELSE c.website END,
                       phone = CASE WHEN r.o ? 'phone' THEN r.o ->> 'phone' ELSE c.phone END,
                       address_line1 = CASE WHEN r.o ? 'address' THEN r.o -> 'address' ->> 'line1' ELSE c.address_line1 END,
                       address_line2 = CASE WHEN r.o ? 'address' THEN r.o -> 'address' ->> 'line2' ELSE c.address_line2 END,
                       address_city = CASE WHEN r.o ? 'address' THEN r.o -> 'address' ->> 'city' ELSE c.address_city END,
                       address_region = CASE WHEN r.o ? 'address' THEN r.o -> 'address' ->> 'region' ELSE c.address_region END,
                       address_postal_code = CASE WHEN r.o ? 'address' THEN r.o -> 'address' ->> 'postal_code' ELSE c.address_postal_code END,
                       address_country = CASE WHEN r.o ? 'address' THEN r.o -> 'address' ->> 'country' ELSE c.address_country END,
                       owner_id = CASE WHEN r.o ? 'owner_id' THEN (r.o ->> 'owner_id')::uuid ELSE c.owner_id END,
                       tags = CASE WHEN r.o ? 'tags' THEN ARRAY(SELECT jsonb_array_elements_text(r.o -> 'tags')) ELSE c.tags END,
                       tag_keys = CASE WHEN r.o ? 'tags' THEN ARRAY(SELECT lower(btrim(t)) FROM jsonb_array_elements_text(r.o -> 'tags') t) ELSE c.tag_keys END,
        """);
}
