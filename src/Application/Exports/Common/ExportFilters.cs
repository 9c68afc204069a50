using System.Text.Json;

namespace Crm.Application.Exports.Common;

/// <summary>
/// An export's filters: the list endpoint's query parameters as a JSON object of strings, numbers, booleans or arrays of
/// them, kept as sent so that the job shows what was asked.
/// </summary>
public static class ExportFilters
{
    /// <summary>The most filter parameters, and values of one parameter, an export takes.</summary>
    public const int MaxParameters = 30;

    public const int MaxValues = 100;

    public static IReadOnlyDictionary<string, object?> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value), StringComparer.Ordinal);
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
