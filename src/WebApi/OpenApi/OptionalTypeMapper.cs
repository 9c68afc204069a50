using System.Reflection;
using Crm.Domain.Common;
using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation.TypeMappers;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Partial-update fields (<see cref="Optional{T}"/>) travel as plain values: the document shows one as the schema of
/// its value, inline, instead of the wrapper's own properties.
/// </summary>
internal sealed class OptionalTypeMapper(Type optionalType) : ITypeMapper
{
    public Type MappedType { get; } = optionalType;

    public bool UseReference => false;

    public void GenerateSchema(JsonSchema schema, TypeMapperContext context)
    {
        var valueType = ValueType(MappedType)!;
        var value = context.JsonSchemaGenerator.GenerateWithReference<JsonSchema>(
            (Nullable.GetUnderlyingType(valueType) ?? valueType).ToContextualType(), context.JsonSchemaResolver);
        if (value.HasReference)
        {
            schema.Reference = value.Reference;
            return;
        }

        schema.Type = value.Type;
        schema.Format = value.Format;
        schema.Item = value.Item;
        foreach (var item in value.Enumeration)
        {
            schema.Enumeration.Add(item);
        }
    }

    /// <summary>The T of <c>Optional&lt;T&gt;</c>, or null for any other type.</summary>
    public static Type? ValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>One mapper for every <c>Optional&lt;T&gt;</c> property type declared in these assemblies.</summary>
    public static IEnumerable<OptionalTypeMapper> ForTypesIn(params Assembly[] assemblies) =>
        assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => p.PropertyType)
            .Where(t => ValueType(t) is not null)
            .Distinct()
            .Select(t => new OptionalTypeMapper(t));
}
