using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Crm.Application.Exports.Common;
using Crm.Infrastructure.Serialization;

namespace Crm.Infrastructure.Exports;

/// <summary>How a value reads in a CSV or XLSX cell: as the API writes it (ISO dates, snake_case enums, invariant numbers).</summary>
internal static class ExportValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static readonly ConcurrentDictionary<Enum, string> EnumNames = new();

    /// <summary>The cell of <paramref name="column"/> for <paramref name="row"/>: its value, or the related record's name.</summary>
    public static object? Cell(ExportColumn column, object row, IExportNames names)
    {
        var value = column.Read(row);
        return column.NameOf is { } kind ? value is Guid id ? names.NameOf(kind, id) : null : value;
    }

    public static string Text(object? value)
    {
        if (value is string text)
        {
            return text;
        }

        Span<char> buffer = stackalloc char[64];
        return TryFormat(value, buffer, out var written) ? new string(buffer[..written]) : Other(value);
    }

    /// <summary>Whether a cell of this value is a number in a spreadsheet.</summary>
    public static bool IsNumber(object? value) =>
        value is decimal or int or long or double or JsonElement { ValueKind: JsonValueKind.Number };

    /// <summary>
    /// Writes a value that never needs quoting or escaping (ids, times, dates, numbers, flags, enum names) into
    /// <paramref name="destination"/> without allocating; false for text, lists and JSON, which <see cref="Text"/> reads.
    /// </summary>
    public static bool TryFormat(object? value, Span<char> destination, out int written)
    {
        switch (value)
        {
            case null:
                written = 0;
                return true;
            case Guid id:
                return id.TryFormat(destination, out written);
            case DateTime time:
                return DateTime.SpecifyKind(time, DateTimeKind.Utc).TryFormat(destination, out written, TimeFormat, CultureInfo.InvariantCulture);
            case DateOnly date:
                return date.TryFormat(destination, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            case bool flag:
                return Copy(flag ? "true" : "false", destination, out written);
            case Enum named:
                return Copy(EnumName(named), destination, out written);
            case decimal or int or long or double:
                return ((ISpanFormattable)value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
            default:
                written = 0;
                return false;
        }
    }

    /// <summary>An enum value as the API writes it (snake_case), each value converted once.</summary>
    public static string EnumName(Enum value) =>
        EnumNames.GetOrAdd(value, e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()));

    private static bool Copy(string text, Span<char> destination, out int written)
    {
        written = text.TryCopyTo(destination) ? text.Length : 0;
        return written == text.Length;
    }

    private static string Other(object? value) => value switch
    {
        null => string.Empty,
        JsonElement json => json.ValueKind switch
        {
            JsonValueKind.String => json.GetString()!,
            JsonValueKind.Array => string.Join("; ", json.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            _ => json.GetRawText(),
        },
        IEnumerable<string> list => string.Join("; ", list),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable => JsonSerializer.Serialize(value, ApiJson.Options),
        _ => JsonSerializer.Serialize(value, ApiJson.Options),
    };
}
