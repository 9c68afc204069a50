using System.Text.Json.Nodes;

namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>Follows <c>$ref</c>, and single-member <c>allOf</c>/<c>oneOf</c>, to the schema they stand for.</summary>
public sealed class SchemaResolver(JsonNode document)
{
    private const int MaxDepth = 8;

    public JsonNode? Resolve(JsonNode? schema) => Resolve(schema, 0);

    private JsonNode? Resolve(JsonNode? schema, int depth)
    {
        if (schema is not JsonObject node || depth > MaxDepth)
        {
            return schema?.DeepClone();
        }

        if ((string?)node["$ref"] is { } reference)
        {
            return Resolve(Lookup(reference), depth + 1);
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (node[combinator] is JsonArray { Count: 1 } single)
            {
                return Resolve(single[0], depth + 1);
            }
        }

        var copy = node.DeepClone().AsObject();
        if (copy["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                properties[name] = Resolve(node["properties"]![name], depth + 1);
            }
        }

        if (copy["items"] is not null)
        {
            copy["items"] = Resolve(node["items"], depth + 1);
        }

        return copy;
    }

    private JsonNode? Lookup(string reference)
    {
        JsonNode? node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node?[part];
        }

        return node;
    }
}
