using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>Objects have exactly the properties listed, so clients get closed types.</summary>
internal sealed class ClosedObjectSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema;
        if (schema.Type.HasFlag(JsonObjectType.Object) && schema.Properties.Count > 0 && schema.AdditionalPropertiesSchema is null)
        {
            schema.AllowAdditionalProperties = false;
        }
    }
}
