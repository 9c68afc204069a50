using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// A binary COPY of one entity type, its table and columns read from the EF model: every mapped property is
/// written (through its value converter), except the ones the database computes (generated columns, the row
/// version). A column added to the model is therefore seeded without anyone remembering to.
/// </summary>
internal sealed class CopyTable
{
    private readonly IReadOnlyList<Column> _columns;

    private CopyTable(string statement, IReadOnlyList<Column> columns)
    {
        Statement = statement;
        _columns = columns;
    }

    /// <summary>The <c>COPY ... FROM STDIN (FORMAT BINARY)</c> statement.</summary>
    public string Statement { get; }

    public static CopyTable For(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Values kept in the row's own columns (an organization's stage probabilities) are columns too.
        var columns = entityType.GetProperties()
            .Concat(entityType.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
            .Where(p => p.ValueGenerated != ValueGenerated.OnAddOrUpdate)
            .Select(p => Column.For(p, table))
            .ToList();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var target = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        return new CopyTable($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", columns);
    }

    public async Task WriteRowAsync(NpgsqlBinaryImporter importer, object entity, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        foreach (var column in _columns)
        {
            var value = column.Read(entity);
            if (value is null)
            {
                await importer.WriteNullAsync(ct);
            }
            else
            {
                await importer.WriteAsync(value, column.DataType, ct);
            }
        }
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record Column(string Name, string DataType, Func<object, object?> Read)
    {
        public static Column For(IProperty property, StoreObjectIdentifier table)
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException(
                    $"{property.DeclaringType.DisplayName()}.{property.Name} has no value on the object to copy.");
            }

            var getter = property.GetGetter();
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            return new Column(
                property.GetColumnName(table)!,
                mapping.StoreTypeNameBase,
                entity => getter.GetClrValueUsingContainingEntity(entity) is { } value
                    ? converter is null ? value : converter.ConvertToProvider(value)
                    : null);
        }
    }
}
