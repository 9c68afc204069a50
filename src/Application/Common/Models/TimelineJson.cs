using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Application.Common.Models;

/// <summary>How timeline payloads are written: the API's own snake_case names and enum values.</summary>
public static class TimelineJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Options);
}
