using Crm.Application.CustomFields.Common;
using Crm.Domain.Common;
using Crm.Domain.CustomFields;
using Crm.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data;

/// <summary>
/// One custom field's values across an organization's records, in SQL (EF Core does not translate jsonb's key
/// operators). Table and column names come from the model; the organization and key are parameters.
/// </summary>
internal sealed class CustomFieldStore(CrmDbContext db) : ICustomFieldStore
{
    public Task<List<string>> DistinctValuesAsync(
        CustomFieldRecordType recordType, Guid organizationId, string key, int limit, CancellationToken cancellationToken)
    {
        var (table, values, organization) = Columns(recordType);
        // Names from the model, never from input; the organization, key and limit are parameters.
        var sql = $"SELECT DISTINCT ({values} -> {{1}})::text AS \"Value\" FROM {table} WHERE {organization} = {{0}} AND {values} ? {{1}} LIMIT {{2}}";
        return db.Database.SqlQueryRaw<string>(sql, organizationId, key, limit)
            .ToListAsync(cancellationToken);
    }

    public Task<int> RemoveValuesAsync(
        CustomFieldRecordType recordType, Guid organizationId, string key, CancellationToken cancellationToken)
    {
        var (table, values, organization) = Columns(recordType);
        var sql = $"UPDATE {table} SET {values} = {values} - {{1}} WHERE {organization} = {{0}} AND {values} ? {{1}}";
        return db.Database.ExecuteSqlRawAsync(sql, [organizationId, key], cancellationToken);
    }

    public Task SyncSortIndexAsync(CustomFieldDefinition definition, bool deleted, CancellationToken cancellationToken) =>
        CustomFieldSortIndex.SyncAsync(db, definition, deleted, cancellationToken);

    private (string Table, string Values, string Organization) Columns(CustomFieldRecordType recordType)
    {
        var type = CustomFieldSortIndex.RecordClass(recordType);
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        return (
            entity.GetTableName()!,
            entity.FindProperty(nameof(OwnedRecord.CustomFields))!.GetColumnName(),
            entity.FindProperty(nameof(ITenantOwned.OrganizationId))!.GetColumnName());
    }
}
