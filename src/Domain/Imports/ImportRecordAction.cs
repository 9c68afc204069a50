namespace Crm.Domain.Imports;

/// <summary>What an import did to one record: what its revert undoes.</summary>
public enum ImportRecordAction
{
    Created,
    Updated,

    /// <summary>A company a contacts import created for the rows that named it (<c>create_companies</c>).</summary>
    CompanyCreated,
}
