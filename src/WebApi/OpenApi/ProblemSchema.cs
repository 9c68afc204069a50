using Crm.Domain.Errors;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Crm.WebApi.OpenApi;

/// <summary>The RFC 9457 problem document every error response carries.</summary>
internal static class ProblemSchema
{
    public const string Name = "Problem";

    /// <summary>The document's problem schema, added on first use.</summary>
    public static JsonSchema In(NSwag.OpenApiDocument document)
    {
        if (!document.Components.Schemas.TryGetValue(Name, out var schema))
        {
            schema = Create();
            document.Components.Schemas[Name] = schema;
        }

        return schema;
    }

    private static JsonSchema Create()
    {
        var schema = new JsonSchema
        {
            Type = JsonObjectType.Object,
            Description = "An RFC 9457 problem document.",
            AllowAdditionalProperties = false,
            Example = new JObject
            {
                ["type"] = Http.Problems.TypeBase + ErrorCatalog.DealAmountRequired.Code,
                ["title"] = ErrorCatalog.DealAmountRequired.Title,
                ["status"] = ErrorCatalog.DealAmountRequired.Status,
                ["code"] = ErrorCatalog.DealAmountRequired.Code,
                ["trace_id"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                ["request_id"] = "5f0c6d1e9a2b4c8d8e7f6a5b4c3d2e1f",
            },
        };
        schema.Properties["type"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "https://crm.dev/errors/{code}" };
        schema.Properties["title"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "What went wrong, for people." };
        schema.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, Format = JsonFormatStrings.Integer };
        schema.Properties["detail"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsNullableRaw = true };
        schema.Properties["code"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = ErrorCodeDescription.Text };
        schema.Properties["trace_id"] = new JsonSchemaProperty { Type = JsonObjectType.String };
        schema.Properties["request_id"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.String,
            Description = "The request's X-Request-Id (the client's when it sent a sane one), also on the response and in the service's logs.",
        };
        schema.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object,
            Description = "Validation failures only: messages by snake_case field name.",
            AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } },
        };
        schema.Properties["challenge_token"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.String,
            Description = "two_factor_required only: send it with a code to POST /api/v1/auth/login/2fa within 5 minutes; it works once.",
        };
        foreach (var required in new[] { "type", "title", "status", "code" })
        {
            schema.RequiredProperties.Add(required);
        }

        return schema;
    }
}
