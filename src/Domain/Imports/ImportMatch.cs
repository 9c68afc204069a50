namespace Crm.Domain.Imports;

/// <summary>The column a row is matched on, to a record of the organization and to the file's other rows.</summary>
public enum ImportMatch
{
    Email,
    ExternalId,

    /// <summary>A company's normalised domain.</summary>
    Domain,
}
