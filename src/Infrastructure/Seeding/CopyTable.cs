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
    private readonly IReadOnlyList<Column> _extra;

    private CopyTable(string statement, IReadOnlyList<Column> columns, IReadOnlyList<Column> extra)
    {
        Statement = statement;
        _columns = columns;
        _extra = extra;
    }

    /// <summary>The <c>COPY ... FROM STDIN (FORMAT BINARY)</c> statement.</summary>
    public string Statement { get; }

    /// <param name="target">The table to copy into, when not the entity's own (a staging table shaped like it).</param>
    /// <param name="extra">Columns after the entity's, whose values each row passes to <see cref="WriteRowAsync"/>.</param>
    public static CopyTable For(IEntityType entityType, string? target = null, IReadOnlyList<(string Name, string DataType)>? extra = null)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Values kept in the row's own columns (an organization's stage probabilities) are columns too.
        var columns = entityType.GetProperties()
            .Concat(entityType.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
            .Where(p => p.ValueGenerated != ValueGenerated.OnAddOrUpdate)
            .Select(p => Column.For(p, table))
            .ToList();
        var extraColumns = (extra ?? []).Select(e => new Column(e.Name, e.DataType, _ => null)).ToList();
        var names = string.Join(", ", columns.Concat(extraColumns).Select(c => Quote(c.Name)));
        target ??= table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        return new CopyTable($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", columns, extraColumns);
    }

    /// <summary>The entity's columns as the statement lists them, without the extra ones.</summary>
    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    /// <param name="extra">The values of the extra columns, in their order.</param>
    public async Task WriteRowAsync(NpgsqlBinaryImporter importer, object entity, CancellationToken ct, params object?[] extra)
    {
        await importer.StartRowAsync(ct);
        foreach (var column in _columns)
        {
            await WriteAsync(importer, column, column.Read(entity), ct);
        }

        for (var i = 0; i < _extra.Count; i++)
        {
            await WriteAsync(importer, _extra[i], i < extra.Length ? extra[i] : null, ct);
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter importer, Column column, object? value, CancellationToken ct)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(ct);
        }
        else
        {
            await importer.WriteAsync(value, column.DataType, ct);
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
