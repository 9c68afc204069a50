using Crm.Domain.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Partial-update fields (<see cref="Optional{T}"/>) travel as plain values: an absent property leaves the field
/// as it is, and <c>null</c> clears an optional one. The document shows them as their value type, never required.
/// Objects are closed: they have exactly the properties listed.
/// </summary>
internal sealed class OptionalSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (IsOptional(type))
        {
            var valueType = type.GetGenericArguments()[0];
            var value = await context.GetOrCreateSchemaAsync(Nullable.GetUnderlyingType(valueType) ?? valueType, null, cancellationToken);
            schema.Type = value.Type ?? (value.Enum is { Count: > 0 } ? JsonSchemaType.String : null);
            schema.Format = value.Format;
            schema.Enum = value.Enum;
            schema.Properties = null;
            schema.Required = null;
            if (Nullable.GetUnderlyingType(valueType) is not null)
            {
                schema.Type |= JsonSchemaType.Null;
            }

            return;
        }

        // Objects have exactly the properties listed: clients get closed types.
        if (schema.Properties is { Count: > 0 } && schema.AdditionalProperties is null)
        {
            schema.AdditionalPropertiesAllowed = false;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => IsOptional(p.PropertyType)))
            {
                required.Remove(property.Name);
            }
        }
    }

    private static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);
}
