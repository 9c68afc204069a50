using Crm.Application.Exports.Common;
using Crm.WebApi.Endpoints;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// An export's <c>filters</c> is an object of the list endpoint's query parameters: the code holds JSON values, the
/// document names the shapes a value may take (a repeatable parameter's values as an array).
/// </summary>
internal sealed class ExportFiltersSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        if (context.ContextualType.Type != typeof(CreateExportRequest) && context.ContextualType.Type != typeof(ExportJobDto))
        {
            return;
        }

        if (!context.Schema.Properties.TryGetValue("filters", out var filters))
        {
            return;
        }

        filters.Type = JsonObjectType.Object;
        filters.Description = "The list endpoint's query parameters by name (paging and order excepted), e.g. {\"status\": [\"won\", \"lost\"], " +
            "\"min_amount\": 1000}: a string, number or boolean, or an array of them for a parameter that repeats.";
        var value = new JsonSchema { Description = "One value, or the values of a parameter that repeats." };
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.String });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Number });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Boolean });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } });
        filters.AdditionalPropertiesSchema = value;
        filters.AllowAdditionalProperties = true;
    }
}
