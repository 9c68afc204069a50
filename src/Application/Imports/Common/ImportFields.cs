using Crm.Application.CustomFields.Common;
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

    public static IReadOnlyList<string> Of(ImportRecordType recordType) => recordType switch
    {
        _ => [Name, Email, Phone, ExternalId, OwnerId, OwnerEmail, Tags],
    };

    /// <summary>The custom field's key a mapped field names, or null when it names a plain field.</summary>
    public static string? CustomFieldKey(string field) =>
        field.StartsWith(CustomFieldFilter.Prefix, StringComparison.Ordinal) ? field[CustomFieldFilter.Prefix.Length..] : null;

    /// <summary>The field a row is matched on.</summary>
    public static string MatchField(ImportMatch match) => match == ImportMatch.Email ? Email : ExternalId;
}
