using System.Globalization;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.CustomFields.Rules;
using Crm.Domain.Deals;
using Crm.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Infrastructure.Data;

/// <summary>
/// The index that serves ranges and order on one number, currency or date field: a btree on
/// <c>(jsonb_extract_path(custom_fields, 'key'), id)</c> of the organization's rows only (a partial index), so that
/// <c>order_by=cf.key</c> reads the first page from the index instead of sorting every matching record. It is created
/// with its definition, in the same transaction, and dropped with it. The key and organization are written into the
/// statement (DDL takes no parameters): the key is snake_case by the definition's own rule, the organization a UUID.
/// </summary>
internal static class CustomFieldSortIndex
{
    public static bool IsSorted(CustomFieldType type) =>
        type is CustomFieldType.Number or CustomFieldType.Currency or CustomFieldType.Date;

    public static string Name(Guid definitionId) => "ix_cf_" + definitionId.ToString("N", CultureInfo.InvariantCulture);

    public static string Create(IModel model, CustomFieldDefinition definition)
    {
        if (!CustomFieldKeyIsValid.IsValid(definition.Key))
        {
            throw new InvalidOperationException("A custom field key is snake_case.");
        }

        var entity = model.FindEntityType(RecordClass(definition.RecordType))!;
        var values = entity.FindProperty(nameof(OwnedRecord.CustomFields))!.GetColumnName();
        var id = entity.FindProperty(nameof(Entity.Id))!.GetColumnName();
        var organization = entity.FindProperty(nameof(ITenantOwned.OrganizationId))!.GetColumnName();
        return $"CREATE INDEX IF NOT EXISTS {Name(definition.Id)} ON {entity.GetTableName()} " +
            $"((jsonb_extract_path({values}, '{definition.Key}')), {id}) " +
            $"WHERE {organization} = '{definition.OrganizationId.ToString("D", CultureInfo.InvariantCulture)}'";
    }

    public static string Drop(Guid definitionId) => $"DROP INDEX IF EXISTS {Name(definitionId)}";

    public static Type RecordClass(CustomFieldRecordType recordType) => recordType switch
    {
        CustomFieldRecordType.Contact => typeof(Contact),
        CustomFieldRecordType.Company => typeof(Company),
        _ => typeof(Deal),
    };

    /// <summary>Creates or drops the definition's index as its type now asks.</summary>
    public static Task SyncAsync(DbContext db, CustomFieldDefinition definition, bool deleted, CancellationToken cancellationToken)
    {
        var sql = !deleted && IsSorted(definition.Type) ? Create(db.Model, definition) : Drop(definition.Id);
        return db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
