using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>Ids are published in the standard <c>uuid</c> format that partners' tools know, not NJsonSchema's <c>guid</c>.</summary>
internal sealed class UuidFormatProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var visited = new HashSet<JsonSchema>();
        var document = context.Document;
        var roots = document.Components.Schemas.Values
            .Concat(document.Operations.SelectMany(o => o.Operation.Parameters).Select(p => p.Schema))
            .Concat(document.Operations.SelectMany(o => o.Operation.RequestBody?.Content.Values ?? []).Select(m => m.Schema))
            .Concat(document.Operations.SelectMany(o => o.Operation.Responses.Values).SelectMany(r => r.Content.Values).Select(m => m.Schema));
        foreach (var schema in roots.OfType<JsonSchema>())
        {
            Visit(schema, visited);
        }
    }

    private static void Visit(JsonSchema schema, HashSet<JsonSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        if (schema.Format == JsonFormatStrings.Guid)
        {
            schema.Format = "uuid";
        }

        var children = schema.Properties.Values
            .Concat(schema.OneOf).Concat(schema.AllOf).Concat(schema.AnyOf)
            .Append(schema.Item).Append(schema.AdditionalPropertiesSchema);
        foreach (var child in children.OfType<JsonSchema>())
        {
            Visit(child, visited);
        }
    }
}
