using Crm.Domain.CustomFields;

namespace Crm.Application.CustomFields.Common;

/// <summary>Reads and removes one custom field's values across an organization's records of one type, in SQL.</summary>
public interface ICustomFieldStore
{
    /// <summary>The distinct values records hold under <paramref name="key"/>, as JSON text, at most <paramref name="limit"/>.</summary>
    Task<List<string>> DistinctValuesAsync(
        CustomFieldRecordType recordType, Guid organizationId, string key, int limit, CancellationToken cancellationToken);

    /// <summary>Removes the key from every record that holds it, in one statement of the current transaction.</summary>
    Task<int> RemoveValuesAsync(CustomFieldRecordType recordType, Guid organizationId, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the index that serves ranges and order on the field when its type is ordered (number, currency, date),
    /// or drops it when the field is deleted or its type no longer is; in the current transaction.
    /// </summary>
    Task SyncSortIndexAsync(CustomFieldDefinition definition, bool deleted, CancellationToken cancellationToken);
}
