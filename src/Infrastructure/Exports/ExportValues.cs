using System.Collections;
using System.Globalization;
using System.Text.Json;
using Crm.Application.Exports.Common;
using Crm.Infrastructure.Serialization;

namespace Crm.Infrastructure.Exports;

/// <summary>How a value reads in a CSV or XLSX cell: as the API writes it (ISO dates, snake_case enums, invariant numbers).</summary>
internal static class ExportValues
{
    /// <summary>The cell of <paramref name="column"/> for <paramref name="row"/>: its value, or the related record's name.</summary>
    public static object? Cell(ExportColumn column, object row, IExportNames names)
    {
        var value = column.Read(row);
        return column.NameOf is { } kind ? value is Guid id ? names.NameOf(kind, id) : null : value;
    }

    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        JsonElement json => json.ValueKind switch
        {
            JsonValueKind.String => json.GetString()!,
            JsonValueKind.Array => string.Join("; ", json.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            _ => json.GetRawText(),
        },
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum named => JsonNamingPolicy.SnakeCaseLower.ConvertName(named.ToString()),
        IEnumerable<string> list => string.Join("; ", list),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable => JsonSerializer.Serialize(value, ApiJson.Options),
        _ => JsonSerializer.Serialize(value, ApiJson.Options),
    };
}
