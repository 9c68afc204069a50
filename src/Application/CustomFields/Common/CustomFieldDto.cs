using Crm.Domain.CustomFields;

namespace Crm.Application.CustomFields.Common;

/// <summary>One custom field of the organization's contacts, companies or deals.</summary>
/// <param name="Key">The name of its value in a record's <c>custom_fields</c> and in list filters (<c>cf.key</c>).</param>
/// <param name="Options">The choices of a select or multi_select, in order; empty for other types.</param>
/// <param name="Currency">The currency of a currency field's amounts; null for other types.</param>
/// <param name="Required">Whether a record is created with a value and never has it cleared.</param>
/// <param name="Position">Where clients show it among the record type's fields, smallest first.</param>
public sealed record CustomFieldDto(
    Guid Id,
    CustomFieldRecordType RecordType,
    string Key,
    string Label,
    CustomFieldType Type,
    string[] Options,
    string? Currency,
    bool Required,
    int Position,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static CustomFieldDto From(CustomFieldDefinition d) =>
        new(d.Id, d.RecordType, d.Key, d.Label, d.Type, d.Options, d.Currency, d.Required, d.Position, d.CreatedAt, d.UpdatedAt);

    /// <summary>The definition's changeable part, to read values with.</summary>
    public CustomFieldShape ToShape() => new(Label, Type, Options, Currency, Required, Position);
}
