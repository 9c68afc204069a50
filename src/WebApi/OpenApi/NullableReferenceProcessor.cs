using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Nullable references as OpenAPI 3.0 tools read them (NJsonSchema writes a bare <c>nullable</c> beside a one-item
/// <c>oneOf</c>, which linters and example validators refuse). An optional one is a plain reference: leaving it out
/// means what null means. A required one keeps <c>nullable</c> beside the referenced schema's <c>type</c>, the
/// reference in a one-item <c>allOf</c>.
/// </summary>
internal sealed class NullableReferenceProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var schema in context.Document.Components.Schemas.Values)
        {
            foreach (var (name, property) in schema.Properties)
            {
                if (property.IsNullableRaw != true || property.OneOf.Count != 1 || !property.OneOf.Single().HasReference)
                {
                    continue;
                }

                var reference = property.OneOf.Single();
                property.OneOf.Clear();
                if (schema.RequiredProperties.Contains(name))
                {
                    property.AllOf.Add(reference);
                    property.Type = reference.ActualSchema.Type;
                }
                else
                {
                    property.IsNullableRaw = null;
                    property.Reference = reference.Reference;
                }
            }
        }
    }
}
