namespace Crm.Domain.CustomFields;

/// <summary>The kinds of record that carry custom fields.</summary>
public enum CustomFieldRecordType
{
    Contact,
    Company,
    Deal,
}
