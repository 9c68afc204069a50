using System.Text.Json;

namespace Crm.Application.CustomFields.Common;

/// <summary>A record's stored <c>custom_fields</c> as the values answers carry.</summary>
public static class CustomFieldJson
{
    public static Dictionary<string, JsonElement> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>Whether merging <paramref name="sent"/> would leave the stored values as they are (compared as JSON).</summary>
    public static bool WouldKeep(IReadOnlyDictionary<string, JsonElement>? sent, string stored)
    {
        var current = Read(stored);
        return (sent ?? new Dictionary<string, JsonElement>()).All(p => p.Value.ValueKind == JsonValueKind.Null
            ? !current.ContainsKey(p.Key)
            : current.TryGetValue(p.Key, out var value) && JsonElement.DeepEquals(value, p.Value));
    }
}
