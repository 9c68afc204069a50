using System.Text.Json.Nodes;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>One server-sent event.</summary>
public sealed record StreamEvent(string? Id, string? Event, JsonNode Data);
