namespace Crm.Domain.Imports;

/// <summary>Whether every row creates a record, or a row whose key matches a record updates it.</summary>
public enum ImportMode
{
    Create,
    Upsert,
}
