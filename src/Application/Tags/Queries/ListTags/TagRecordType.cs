namespace Crm.Application.Tags.Queries.ListTags;

/// <summary>The kinds of record that carry tags.</summary>
public enum TagRecordType
{
    Contact,
    Company,
    Deal,
}
