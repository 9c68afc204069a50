using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crm.Application.Exports.Common;
using Crm.Infrastructure.Serialization;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// A JSON array of the records as the API shows them (nested objects stay nested), each reference to another record
/// followed by that record's name (<c>contact_name</c> after <c>contact_id</c>), written as it is read. The properties
/// are the serializer's own contract of the row's type (its names, order and converters); ids, text, times, numbers
/// and enum values are written straight, the rest through the serializer.
/// </summary>
internal sealed class JsonExportWriter : IExportWriter
{
    /// <summary>The API's options, with the reflection contract resolver made explicit (the contract is read here).</summary>
    private static readonly JsonSerializerOptions Options = new(ApiJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private readonly Dictionary<string, ExportColumn> _nameAfter;
    private readonly IExportNames _names;
    private readonly Utf8JsonWriter _json;
    private Type? _rowType;
    private (JsonPropertyInfo Property, JsonEncodedText Name, ExportColumn? Related, JsonEncodedText RelatedName)[] _properties = [];

    public JsonExportWriter(Stream output, IReadOnlyList<ExportColumn> columns, IExportNames names)
    {
        // A related name's column follows the id column it names.
        _nameAfter = [];
        for (var i = 1; i < columns.Count; i++)
        {
            if (columns[i].NameOf is not null)
            {
                _nameAfter[columns[i - 1].Name] = columns[i];
            }
        }

        _names = names;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        _json.WriteStartArray();
    }

    public async Task WriteAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (row.GetType() != _rowType)
            {
                Contract(row.GetType());
            }

            _json.WriteStartObject();
            foreach (var (property, name, related, relatedName) in _properties)
            {
                var value = property.Get!(row);
                if (property.ShouldSerialize is { } should && !should(row, value))
                {
                    continue;
                }

                _json.WritePropertyName(name);
                Value(value, property.PropertyType);
                if (related is not null)
                {
                    _json.WritePropertyName(relatedName);
                    if (ExportValues.Cell(related, row, _names) is string text)
                    {
                        _json.WriteStringValue(text);
                    }
                    else
                    {
                        _json.WriteNullValue();
                    }
                }
            }

            _json.WriteEndObject();
            if (_json.BytesPending > 1 << 16)
            {
                await _json.FlushAsync(cancellationToken);
            }
        }

        await _json.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        await _json.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private void Contract(Type type)
    {
        _rowType = type;
        _properties =
        [
            .. Options.GetTypeInfo(type).Properties
                .Where(p => p.Get is not null)
                .Select(p => _nameAfter.TryGetValue(p.Name, out var related)
                    ? (p, JsonEncodedText.Encode(p.Name), related, JsonEncodedText.Encode(related.Name))
                    : (p, JsonEncodedText.Encode(p.Name), (ExportColumn?)null, default(JsonEncodedText))),
        ];
    }

    private void Value(object? value, Type type)
    {
        switch (value)
        {
            case null:
                _json.WriteNullValue();
                break;
            case string text:
                _json.WriteStringValue(text);
                break;
            case Guid id:
                _json.WriteStringValue(id);
                break;
            case DateTime time:
                _json.WriteStringValue(time);
                break;
            case int number:
                _json.WriteNumberValue(number);
                break;
            case long number:
                _json.WriteNumberValue(number);
                break;
            case decimal number:
                _json.WriteNumberValue(number);
                break;
            case bool flag:
                _json.WriteBooleanValue(flag);
                break;
            case Enum named:
                _json.WriteStringValue(ExportValues.EnumName(named));
                break;
            default:
                JsonSerializer.Serialize(_json, value, type, Options);
                break;
        }
    }
}
