using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Application.Exports.Common;
using Crm.Infrastructure.Serialization;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// A JSON array of the records as the API shows them (nested objects stay nested), each with the names of the records
/// it refers to beside their ids (<c>contact_name</c>), written as it is read.
/// </summary>
internal sealed class JsonExportWriter : IExportWriter
{
    private readonly IReadOnlyList<ExportColumn> _related;
    private readonly IExportNames _names;
    private readonly Utf8JsonWriter _json;

    public JsonExportWriter(Stream output, IReadOnlyList<ExportColumn> columns, IExportNames names)
    {
        _related = [.. columns.Where(c => c.NameOf is not null)];
        _names = names;
        _json = new Utf8JsonWriter(output);
        _json.WriteStartArray();
    }

    public async Task WriteAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var record = JsonSerializer.SerializeToNode(row, row.GetType(), ApiJson.Options)!.AsObject();
            foreach (var column in _related)
            {
                record[column.Name] = ExportValues.Cell(column, row, _names) is string name ? JsonValue.Create(name) : null;
            }

            record.WriteTo(_json);
        }

        await _json.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        await _json.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();
}
