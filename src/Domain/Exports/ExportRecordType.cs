namespace Crm.Domain.Exports;

/// <summary>What an export writes: one row per record of this type.</summary>
public enum ExportRecordType
{
    Contacts,
    Companies,
    Deals,
    Tasks,

    /// <summary>Entries of the organization's feed (<c>GET /api/v1/activities</c>).</summary>
    Activities,
}
