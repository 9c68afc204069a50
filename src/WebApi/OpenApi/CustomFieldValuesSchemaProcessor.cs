using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// A record's <c>custom_fields</c> is an object whose values are typed by their field's definition (read from
/// <c>GET /api/v1/custom-fields</c>): the code holds JSON values, the document names the shapes a value may take.
/// </summary>
internal sealed class CustomFieldValuesSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        if (!context.Schema.Properties.TryGetValue("custom_fields", out var values))
        {
            return;
        }

        values.Description = "Custom field values by key (GET /api/v1/custom-fields lists the keys and types): text, long_text, url, email, select " +
            "and user (a member's id) are strings, date a YYYY-MM-DD string, number a number, currency a number with at most 2 decimals " +
            "in the field's currency, boolean true or false, multi_select an array of options. In a request, null clears a value.";
        // OpenAPI 3.0 says null only beside a type, and a null must match one shape of the oneOf: the string's (a
        // request's null clears the value).
        var value = new JsonSchema { Description = "A value, typed as its field's type says." };
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.String, IsNullableRaw = true });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Number });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Boolean });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } });
        values.AdditionalPropertiesSchema = value;
        values.AllowAdditionalProperties = true;
    }
}
