using System.Text.Json.Nodes;

namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>A path, query or header parameter of an operation, with its schema resolved.</summary>
public sealed record OpenApiParameter(string Name, string In, bool Required, JsonNode? Schema);
