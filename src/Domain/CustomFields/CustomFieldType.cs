namespace Crm.Domain.CustomFields;

/// <summary>What a custom field holds, and so how its values are written in JSON.</summary>
public enum CustomFieldType
{
    Text,
    LongText,
    Number,
    Currency,
    Date,
    Boolean,
    Select,
    MultiSelect,
    Url,
    Email,
    User,
}
