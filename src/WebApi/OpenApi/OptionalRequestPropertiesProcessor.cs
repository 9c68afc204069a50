using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// In what clients send, a property that may be null may also be left out (it binds as null), so it is not
/// required there. Responses always carry every property, null or not, and keep them required.
/// </summary>
internal sealed class OptionalRequestPropertiesProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var visited = new HashSet<JsonSchema>();
        var bodies = context.Document.Operations
            .SelectMany(o => o.Operation.RequestBody?.Content.Values ?? [])
            .Select(m => m.Schema)
            .OfType<JsonSchema>();
        foreach (var body in bodies)
        {
            Visit(body, visited);
        }
    }

    private static void Visit(JsonSchema schema, HashSet<JsonSchema> visited)
    {
        schema = schema.ActualSchema;
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (property.IsNullable(SchemaType.OpenApi3))
            {
                schema.RequiredProperties.Remove(name);
            }

            Visit(property, visited);
        }

        foreach (var child in schema.OneOf.Concat(schema.AllOf).Concat(schema.AnyOf))
        {
            Visit(child, visited);
        }

        if (schema.Item is { } item)
        {
            Visit(item, visited);
        }
    }
}
