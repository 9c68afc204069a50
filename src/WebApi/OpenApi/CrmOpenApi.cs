using System.Text.Json;
using Microsoft.Extensions.Options;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and the interactive page (<c>/docs</c>), by NSwag.</summary>
public static class CrmOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddCrmOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        return services.AddOpenApiDocument((settings, provider) =>
        {
            settings.DocumentName = DocumentName;

            // The schemas describe what the HTTP JSON options write: snake_case names, string enums, strict numbers.
            var http = provider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value;
            var json = new JsonSerializerOptions(http.SerializerOptions);
            settings.SchemaSettings = new SystemTextJsonSchemaGeneratorSettings
            {
                SerializerOptions = json,
                SchemaType = SchemaType.OpenApi3,
                DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
                GenerateEnumMappingDescription = false,

                // Objects have exactly the properties listed (additionalProperties: false): clients get closed types.
                AlwaysAllowAdditionalObjectProperties = false,
                SchemaNameGenerator = new CrmSchemaNameGenerator(),

                // The code's doc comments are written for its readers; the document's words are written for partners.
                UseXmlDocumentation = false,
            };
            var assemblies = new[] { typeof(Application.DependencyInjection).Assembly, typeof(CrmOpenApi).Assembly };
            foreach (var mapper in OptionalTypeMapper.ForTypesIn(assemblies))
            {
                settings.SchemaSettings.TypeMappers.Add(mapper);
            }

            settings.SchemaSettings.SchemaProcessors.Add(new RequiredPropertiesSchemaProcessor(provider));
            settings.SchemaSettings.SchemaProcessors.Add(new OptionalPropertiesSchemaProcessor());
            settings.SchemaSettings.SchemaProcessors.Add(new EnumSchemaProcessor());
            settings.SchemaSettings.SchemaProcessors.Add(new ChangeDataSchemaProcessor());
            settings.SchemaSettings.SchemaProcessors.Add(new ExportFiltersSchemaProcessor());
            settings.SchemaSettings.SchemaProcessors.Add(new CustomFieldValuesSchemaProcessor());

            settings.OperationProcessors.Add(new OperationDescriptionProcessor());
            settings.OperationProcessors.Add(new OrganizationHeaderProcessor());
            settings.OperationProcessors.Add(new QueryParametersProcessor());
            settings.OperationProcessors.Add(new FormFieldsProcessor());
            settings.OperationProcessors.Add(new BearerSecurityProcessor());
            settings.OperationProcessors.Add(new ResponseContentTypesProcessor());
            settings.OperationProcessors.Add(new ConditionalRequestsProcessor());
            settings.OperationProcessors.Add(new ProblemResponsesProcessor());
            settings.OperationProcessors.Add(new RequestExamplesProcessor());
            settings.OperationProcessors.Add(new WireNamesProcessor());
            settings.DocumentProcessors.Add(new DocumentDescriptionProcessor());
            settings.DocumentProcessors.Add(new UuidFormatProcessor());
            settings.DocumentProcessors.Add(new NullableReferenceProcessor());
        });
    }

    /// <summary>Serves the document to anyone, and the docs page where configuration allows it.</summary>
    public static void MapCrmOpenApi(this WebApplication app)
    {
        app.UseOpenApi(o =>
        {
            o.Path = DocumentPath;

            // The middleware names the requesting host as the server; the document keeps its relative one.
            o.PostProcess = (document, _) => DocumentDescriptionProcessor.UseRelativeServer(document);
        });
        if (app.Configuration.GetValue("OpenApi:DocsPage", app.Environment.IsDevelopment()))
        {
            app.UseSwaggerUi(ui =>
            {
                ui.Path = "/docs";
                ui.DocumentTitle = "Crm API";
                ui.DocumentPath = DocumentPath;
            });
        }
    }
}
