using System.Text.Json;
using Crm.Infrastructure.Serialization;

namespace Crm.Infrastructure.Webhooks;

/// <summary>The API's JSON (snake_case names and enum values), for the events sent to webhooks.</summary>
internal static class WebhookJson
{
    public static JsonSerializerOptions Options => ApiJson.Options;
}
