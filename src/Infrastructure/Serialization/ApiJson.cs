using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Infrastructure.Serialization;

/// <summary>The API's JSON (snake_case names and enum values), for what the service writes outside an HTTP answer.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
