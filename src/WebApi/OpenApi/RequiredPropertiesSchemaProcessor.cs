using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Validators;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Which properties are required. What the service writes always carries its constructor's properties, so they are
/// required even when null. What clients send may leave out anything that binds as null or as a default and is not
/// refused for it: a request (a type with a validator) requires only the properties its validator insists on, the
/// non-nullable references it is constructed with, and those marked <c>[Required]</c>. Partial-update fields never are.
/// </summary>
internal sealed class RequiredPropertiesSchemaProcessor(IServiceProvider services) : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema;
        if (!schema.Type.HasFlag(JsonObjectType.Object) || schema.Properties.Count == 0
            || context.Settings is not SystemTextJsonSchemaGeneratorSettings { SerializerOptions: { } options })
        {
            return;
        }

        var type = context.ContextualType.Type;
        var info = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).GetTypeInfo(type, options);
        if (info?.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var validated = ValidatedMembers(type);
        schema.RequiredProperties.Clear();
        foreach (var property in info.Properties.Where(p => schema.Properties.ContainsKey(p.Name)))
        {
            // Left out rather than written as null: optional, and never null.
            if (property.AttributeProvider is MemberInfo written
                && written.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.WhenWritingNull)
            {
                NotNull(schema.Properties[property.Name]);
                continue;
            }

            if (OptionalTypeMapper.ValueType(property.PropertyType) is not null || !IsRequired(property, validated))
            {
                continue;
            }

            schema.RequiredProperties.Add(property.Name);
            if (validated is not null && property.AttributeProvider is MemberInfo member && validated.Contains(member.Name))
            {
                NotNull(schema.Properties[property.Name]);
            }
        }
    }

    private static bool IsRequired(JsonPropertyInfo property, HashSet<string>? validated)
    {
        var member = property.AttributeProvider as MemberInfo;
        if (property.IsRequired || member?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
        {
            return true;
        }

        if (property.AssociatedParameter is not { HasDefaultValue: false } parameter)
        {
            return false;
        }

        return validated is null
            || (member is not null && validated.Contains(member.Name))
            || (!parameter.ParameterType.IsValueType && !parameter.IsNullable);
    }

    /// <summary>A property that is never null is not nullable, whatever its C# type says.</summary>
    private static void NotNull(JsonSchemaProperty property)
    {
        property.IsNullableRaw = null;
        if (property.OneOf.Count == 1 && property.OneOf.Single().HasReference)
        {
            property.Reference = property.OneOf.Single().Reference;
            property.OneOf.Clear();
        }
    }

    /// <summary>The members a request's validator refuses to see null or empty, or null when it has no validator.</summary>
    private HashSet<string>? ValidatedMembers(Type type)
    {
        using var scope = services.CreateScope();
        var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>().ToList();
        if (validators.Count == 0)
        {
            return null;
        }

        return validators
            .SelectMany(v => v.CreateDescriptor().GetMembersWithValidators())
            .Where(m => m.Any(c => c.Validator is INotNullValidator or INotEmptyValidator && !c.Options.HasCondition && !c.Options.HasAsyncCondition))
            .Select(m => m.Key)
            .ToHashSet(StringComparer.Ordinal);
    }
}
