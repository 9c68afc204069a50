using System.Text.Json.Nodes;

namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>One operation of the served OpenAPI document, with its schemas resolved.</summary>
public sealed record OpenApiOperation(
    string Method,
    string Path,
    string Name,
    IReadOnlyList<OpenApiParameter> Parameters,
    string? BodyContentType,
    JsonNode? BodySchema,
    JsonNode? BodyExample)
{
    public override string ToString() => $"{Method} {Path} ({Name})";

    /// <summary>Every operation of the document, in document order.</summary>
    public static IReadOnlyList<OpenApiOperation> ReadAll(JsonNode document)
    {
        var schemas = new SchemaResolver(document);
        var operations = new List<OpenApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray()
                    .Select(p => new OpenApiParameter(
                        (string)p!["name"]!,
                        (string)p["in"]!,
                        p["required"]?.GetValue<bool>() ?? false,
                        schemas.Resolve(p["schema"])))
                    .ToList() ?? [];
                var content = operation["requestBody"]?["content"]?.AsObject().FirstOrDefault();
                operations.Add(new OpenApiOperation(
                    method.ToUpperInvariant(),
                    path,
                    (string?)operation["operationId"] ?? $"{method} {path}",
                    parameters,
                    content?.Key,
                    schemas.Resolve(content?.Value?["schema"]),
                    content?.Value?["example"]?.DeepClone()));
            }
        }

        return operations;
    }
}
