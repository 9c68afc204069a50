namespace Crm.Application.CustomFields.Common;

/// <summary>How values sent for a record meet the values it holds.</summary>
public enum CustomFieldWrite
{
    /// <summary>A new record: every required field needs a value.</summary>
    Create,

    /// <summary>A partial update: the keys sent change (null clears one), the others stay.</summary>
    Merge,

    /// <summary>A replacement: the keys sent are the record's values, every required field needs one.</summary>
    Replace,
}
