using System.Text.Json.Nodes;
using Crm.Domain.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.WebApi.OpenApi;

/// <summary>The document's title and description, the bearer security scheme and the problem schema.</summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "Problem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Crm API",
            Version = "v1",
            Description =
                "A multi-tenant CRM: organizations and their members, contacts, deals with their timeline, tasks and " +
                "analytics. JSON with snake_case names; errors are RFC 9457 problem documents with a stable `code`. " +
                "Sign in (`Auth_Login`) for a bearer token, and name the organization of every tenant-scoped request " +
                "in the `X-Organization-Id` header.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An access token from Auth_Register, Auth_Login or Auth_Refresh (15 minutes).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        return Task.CompletedTask;
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem document.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "https://crm.dev/errors/{code}" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for people." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = ErrorCodeDescription.Text },
            ["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation failures only: messages by snake_case field name.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        },
        Examples = [new JsonObject
        {
            ["type"] = Http.Problems.TypeBase + ErrorCatalog.DealAmountRequired.Code,
            ["title"] = ErrorCatalog.DealAmountRequired.Title,
            ["status"] = ErrorCatalog.DealAmountRequired.Status,
            ["code"] = ErrorCatalog.DealAmountRequired.Code,
            ["trace_id"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        }],
    };
}
