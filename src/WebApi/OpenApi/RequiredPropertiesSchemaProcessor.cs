using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// A property is required when the serializer always writes it and needs it to construct the object: a constructor
/// parameter without a default value, or a <c>required</c> member. Partial-update fields never are.
/// </summary>
internal sealed class RequiredPropertiesSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema;
        if (!schema.Type.HasFlag(JsonObjectType.Object) || schema.Properties.Count == 0
            || context.Settings is not SystemTextJsonSchemaGeneratorSettings { SerializerOptions: { } options })
        {
            return;
        }

        var info = JsonTypeInfo(options, context.ContextualType.Type);
        if (info?.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        schema.RequiredProperties.Clear();
        foreach (var property in info.Properties.Where(p => schema.Properties.ContainsKey(p.Name)))
        {
            var required = property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false };
            if (required && OptionalTypeMapper.ValueType(property.PropertyType) is null)
            {
                schema.RequiredProperties.Add(property.Name);
            }
        }
    }

    private static JsonTypeInfo? JsonTypeInfo(JsonSerializerOptions options, Type type)
    {
        var resolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        return resolver.GetTypeInfo(type, options);
    }
}
