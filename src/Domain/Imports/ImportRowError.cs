using Crm.Domain.Common;

namespace Crm.Domain.Imports;

/// <summary>A row of an import's file that was not written: where, why, and the row as it was read.</summary>
public sealed class ImportRowError : ITenantOwned
{
    private ImportRowError()
    {
        Code = Detail = string.Empty;
        Values = "[]";
    }

    public Guid ImportId { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The row's number in the file, the header being row 1 (as a spreadsheet numbers it).</summary>
    public long Row { get; private set; }

    public string Code { get; private set; }

    public string Detail { get; private set; }

    /// <summary>The row's cells, a JSON array in the header's order.</summary>
    public string Values { get; private set; }
}
