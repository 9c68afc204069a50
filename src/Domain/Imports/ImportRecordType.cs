namespace Crm.Domain.Imports;

/// <summary>What an import writes: one record of this type per row.</summary>
public enum ImportRecordType
{
    Contacts,
    Companies,
}
