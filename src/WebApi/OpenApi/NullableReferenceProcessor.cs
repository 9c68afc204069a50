using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// A nullable reference is written the way OpenAPI 3.0 tools validate it: <c>nullable</c> beside the referenced
/// schema's <c>type</c>, the reference in a one-item <c>allOf</c> (NJsonSchema writes a bare <c>nullable</c> beside
/// a one-item <c>oneOf</c>, which linters and example validators refuse).
/// </summary>
internal sealed class NullableReferenceProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var properties = context.Document.Components.Schemas.Values.SelectMany(s => s.Properties.Values);
        foreach (var property in properties.Where(p => p.IsNullableRaw == true && p.OneOf.Count == 1 && p.OneOf.Single().HasReference))
        {
            var reference = property.OneOf.Single();
            property.OneOf.Clear();
            property.AllOf.Add(reference);
            property.Type = reference.ActualSchema.Type;
        }
    }
}
