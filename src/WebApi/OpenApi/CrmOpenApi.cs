namespace Crm.WebApi.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and the interactive page (<c>/docs</c>).</summary>
public static class CrmOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddCrmOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentTransformer>();
            options.AddOperationTransformer<OperationTransformer>();
            options.AddSchemaTransformer<OptionalSchemaTransformer>();
        });

    /// <summary>Serves the document to anyone, and the docs page where configuration allows it.</summary>
    public static void MapCrmOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        if (app.Configuration.GetValue("OpenApi:DocsPage", app.Environment.IsDevelopment()))
        {
            app.UseSwaggerUI(ui =>
            {
                ui.RoutePrefix = "docs";
                ui.DocumentTitle = "Crm API";
                ui.SwaggerEndpoint($"/openapi/{DocumentName}.json", "Crm API v1");
            });
        }
    }
}
