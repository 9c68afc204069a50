using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.CustomFields.Rules;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;

namespace Crm.Domain.CustomFields;

/// <summary>
/// One field an organization adds to its contacts, companies or deals: its key (what records and filters name it
/// by, never changed), its label, its type and, for selects, its options. Values live on the records.
/// </summary>
public sealed class CustomFieldDefinition : Entity, ITenantOwned, IVersioned
{
    /// <summary>Bounds what one organization adds to each record type (every record carries its values).</summary>
    public const int MaxPerRecordType = 100;

    private CustomFieldDefinition()
    {
        Key = string.Empty;
        Label = string.Empty;
        Options = [];
    }

    public Guid OrganizationId { get; private set; }

    public CustomFieldRecordType RecordType { get; private set; }

    /// <summary>snake_case, unique per organization and record type; the name of the value in <c>custom_fields</c>.</summary>
    public string Key { get; private set; }

    public string Label { get; private set; }

    public CustomFieldType Type { get; private set; }

    /// <summary>The choices of a select or multi-select, in the order shown; empty for other types.</summary>
    public string[] Options { get; private set; }

    /// <summary>The currency of a currency field's amounts (ISO 4217); null for other types.</summary>
    public string? Currency { get; private set; }

    /// <summary>Whether a record is created with it and never has it cleared.</summary>
    public bool Required { get; private set; }

    /// <summary>Where clients show it among the record type's fields, smallest first.</summary>
    public int Position { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static CustomFieldDefinition Define(
        Guid organizationId, Actor actor, CustomFieldRecordType recordType, string key, CustomFieldShape shape, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new CustomFieldKeyIsValid(key));
        var definition = new CustomFieldDefinition
        {
            Id = NewId(),
            OrganizationId = organizationId,
            RecordType = recordType,
            Key = key,
            CreatedAt = now,
            UpdatedAt = now,
        };
        definition.Apply(shape);
        return definition;
    }

    /// <summary>
    /// Applies a change of label, type, options, currency, requirement or position; the caller has checked with
    /// <see cref="Accepts"/> that the values records hold fit the new shape.
    /// </summary>
    public bool Change(Actor actor, CustomFieldShape shape, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        var before = Shape;
        Apply(shape);
        if (Shape.SameAs(before))
        {
            return false;
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>The definition's changeable part as it is.</summary>
    public CustomFieldShape Shape => new(Label, Type, Options, Currency, Required, Position);

    /// <summary>Whether a value stored under the current shape is a value of <paramref name="shape"/> as it is.</summary>
    public static bool Accepts(CustomFieldShape shape, JsonElement stored) => CustomFieldValues.Read(shape, stored).Refusal is null;

    public void CheckDeletable(Actor actor) => BusinessRules.Check(new ActorMustAdministerOrganization(actor));

    private void Apply(CustomFieldShape shape)
    {
        BusinessRules.Check(new CustomFieldShapeIsValid(shape));
        Label = shape.Label.Trim();
        Type = shape.Type;
        Options = shape.Type is CustomFieldType.Select or CustomFieldType.MultiSelect ? [.. shape.Options.Select(o => o.Trim())] : [];
        Currency = shape.Type == CustomFieldType.Currency ? shape.Currency : null;
        Required = shape.Required;
        Position = shape.Position;
    }
}
