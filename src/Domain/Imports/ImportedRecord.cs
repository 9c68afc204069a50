using Crm.Domain.Common;

namespace Crm.Domain.Imports;

/// <summary>A record an import created or changed, with what it changed: what a revert undoes.</summary>
public sealed class ImportedRecord : ITenantOwned
{
    private ImportedRecord()
    {
        Changes = "[]";
    }

    public Guid ImportId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid RecordId { get; private set; }

    public ImportRecordAction Action { get; private set; }

    /// <summary>The fields an update changed, a JSON array of <c>{field, from, to}</c> with JSON values.</summary>
    public string Changes { get; private set; }

    /// <summary>The record's <c>updated_at</c> as the import left it: a later one means someone changed it since.</summary>
    public DateTime WrittenAt { get; private set; }
}
