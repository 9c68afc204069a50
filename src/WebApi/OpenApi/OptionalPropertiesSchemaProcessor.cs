using System.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// A partial-update field (<c>Optional&lt;T?&gt;</c>) whose value may be null says so: sending null clears the field.
/// </summary>
internal sealed class OptionalPropertiesSchemaProcessor : ISchemaProcessor
{
    private readonly NullabilityInfoContext nullability = new();

    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema;
        if (!schema.Type.HasFlag(JsonObjectType.Object) || context.Settings is not SystemTextJsonSchemaGeneratorSettings { SerializerOptions: { } options })
        {
            return;
        }

        foreach (var property in context.ContextualType.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            if (OptionalTypeMapper.ValueType(property.PropertyType) is not { } valueType
                || !schema.Properties.TryGetValue(name, out var value))
            {
                continue;
            }

            var nullable = Nullable.GetUnderlyingType(valueType) is not null
                || (!valueType.IsValueType && nullability.Create(property).GenericTypeArguments[0].ReadState == NullabilityState.Nullable);
            if (!nullable)
            {
                continue;
            }

            // A reference cannot carry siblings in OpenAPI 3.0: a nullable one is written as a one-item oneOf.
            if (value.Reference is { } reference)
            {
                value.Reference = null;
                value.OneOf.Add(new JsonSchema { Reference = reference });
            }

            value.IsNullableRaw = true;
        }
    }
}
