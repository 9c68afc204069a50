namespace Crm.Domain.Changes;

/// <summary>The kinds of record the change feed follows.</summary>
public enum ChangedRecordType
{
    Contact,
    Deal,
    Task,
    Company,
}
