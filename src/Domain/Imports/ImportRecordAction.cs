namespace Crm.Domain.Imports;

/// <summary>What an import did to one record: what its revert undoes.</summary>
public enum ImportRecordAction
{
    Created,
    Updated,
}
