using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Puts the form fields of a multipart/form-data body into its schema: the generator lists an endpoint's form values as
/// query parameters, which no client should send that way. A multipart endpoint takes no query parameters of its own.
/// </summary>
internal sealed class FormFieldsProcessor : IOperationProcessor
{
    private static readonly Dictionary<string, (string Description, string[]? Values, string? Format)> Fields = new()
    {
        ["record_type"] = ("What each row creates or updates.", ["contacts"], null),
        ["mapping"] = ("A JSON object: column header → field (name, email, phone, external_id, owner_id, owner_email, tags) or cf.<key>, e.g. {\"E-mail\": \"email\", \"Tier\": \"cf.tier\"}.", null, null),
        ["mode"] = ("create (default): every row creates a contact; upsert: a row whose match_on value belongs to a contact updates it.", ["create", "upsert"], null),
        ["match_on"] = ("What rows are matched on, to contacts and to each other (default email).", ["email", "external_id"], null),
        ["dry_run"] = ("true checks and counts every row without writing anything (default false).", ["true", "false"], null),
        ["owner_id"] = ("The owner of created contacts whose row names none (default: the requester); a member of the organization.", null, "uuid"),
    };

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        if (operation.RequestBody is null || !operation.RequestBody.Content.TryGetValue("multipart/form-data", out var body)
            || body.Schema is not { } schema)
        {
            return true;
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToList())
        {
            operation.Parameters.Remove(parameter);
            var property = new JsonSchemaProperty { Type = JsonObjectType.String };
            if (Fields.TryGetValue(parameter.Name, out var field))
            {
                property.Description = field.Description;
                property.Format = field.Format;
                foreach (var value in field.Values ?? [])
                {
                    property.Enumeration.Add(value);
                }
            }

            schema.Properties[parameter.Name] = property;
        }

        if (schema.Properties.ContainsKey("mapping"))
        {
            schema.RequiredProperties.Add("file");
            schema.RequiredProperties.Add("mapping");
        }

        return true;
    }
}
