namespace Crm.Application.Activities.Common;

/// <summary>The kind of record a timeline belongs to, and the feed's <c>record_type</c> filter.</summary>
public enum ActivityRecordType
{
    Deal,
    Contact,
    Company,
}
