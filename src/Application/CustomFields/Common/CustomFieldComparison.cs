namespace Crm.Application.CustomFields.Common;

/// <summary>How a <c>cf.</c> list filter compares a record's value.</summary>
public enum CustomFieldComparison
{
    Equal,
    AtLeast,
    AtMost,
}
