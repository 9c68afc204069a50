using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>Enums carry no empty description (NJsonSchema leaves one where it would list the C# values).</summary>
internal sealed class EnumSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        if (context.Schema.IsEnumeration && string.IsNullOrEmpty(context.Schema.Description))
        {
            context.Schema.Description = null;
        }
    }
}
