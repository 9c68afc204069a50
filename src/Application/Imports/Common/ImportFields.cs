using Crm.Application.CustomFields.Common;
using Crm.Domain.CustomFields;
using Crm.Domain.Imports;

namespace Crm.Application.Imports.Common;

/// <summary>The fields a column can be mapped to, per record type; a custom field is <c>cf.&lt;key&gt;</c>.</summary>
public static class ImportFields
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string ExternalId = "external_id";
    public const string OwnerId = "owner_id";
    public const string OwnerEmail = "owner_email";

    /// <summary>Tags separated by <c>;</c>.</summary>
    public const string Tags = "tags";

    /// <summary>The company a contact works at, by its domain (normalised) or, without one, its name (any case).</summary>
    public const string CompanyDomain = "company_domain";
    public const string CompanyName = "company_name";

    /// <summary>A company's domain (or a website address it is read from), normalised as the API normalises it.</summary>
    public const string Domain = "domain";
    public const string Industry = "industry";
    public const string EmployeeCount = "employee_count";
    public const string Website = "website";
    public const string AddressLine1 = "address_line1";
    public const string AddressLine2 = "address_line2";
    public const string AddressCity = "address_city";
    public const string AddressRegion = "address_region";
    public const string AddressPostalCode = "address_postal_code";

    /// <summary>An ISO 3166-1 alpha-2 code.</summary>
    public const string AddressCountry = "address_country";

    private static readonly string[] ContactFields = [Name, Email, Phone, ExternalId, OwnerId, OwnerEmail, Tags, CompanyDomain, CompanyName];

    private static readonly string[] CompanyFields =
    [
        Name, Domain, Industry, EmployeeCount, Website, Phone, AddressLine1, AddressLine2, AddressCity, AddressRegion,
        AddressPostalCode, AddressCountry, OwnerId, OwnerEmail, Tags,
    ];

    public static IReadOnlyList<string> Of(ImportRecordType recordType) => recordType switch
    {
        ImportRecordType.Companies => CompanyFields,
        _ => ContactFields,
    };

    /// <summary>The keys rows of a record type can be matched on, the first being the default.</summary>
    public static IReadOnlyList<ImportMatch> Matches(ImportRecordType recordType) => recordType switch
    {
        ImportRecordType.Companies => [ImportMatch.Domain],
        _ => [ImportMatch.Email, ImportMatch.ExternalId],
    };

    /// <summary>Whose custom fields a record type's <c>cf.&lt;key&gt;</c> columns name.</summary>
    public static CustomFieldRecordType CustomFieldsOf(ImportRecordType recordType) => recordType switch
    {
        ImportRecordType.Companies => CustomFieldRecordType.Company,
        _ => CustomFieldRecordType.Contact,
    };

    /// <summary>The custom field's key a mapped field names, or null when it names a plain field.</summary>
    public static string? CustomFieldKey(string field) =>
        field.StartsWith(CustomFieldFilter.Prefix, StringComparison.Ordinal) ? field[CustomFieldFilter.Prefix.Length..] : null;

    /// <summary>The field a row is matched on.</summary>
    public static string MatchField(ImportMatch match) => match switch
    {
        ImportMatch.Email => Email,
        ImportMatch.Domain => Domain,
        _ => ExternalId,
    };
}
