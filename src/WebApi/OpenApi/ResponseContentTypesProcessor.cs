using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// A success response the endpoint declares in several content types lists them all (NSwag keeps the first): a JSON
/// one with the response's schema, a text one (CSV) as a string.
/// </summary>
internal sealed class ResponseContentTypesProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        foreach (var produces in OperationMetadata.Of(context).OfType<IProducesResponseTypeMetadata>())
        {
            var status = produces.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(status, out var response))
            {
                continue;
            }

            var json = response.Content.Values.FirstOrDefault()?.Schema;
            foreach (var contentType in produces.ContentTypes.Where(c => !response.Content.ContainsKey(c)))
            {
                response.Content[contentType] = new OpenApiMediaType
                {
                    Schema = contentType.StartsWith("text/", StringComparison.Ordinal) || json is null
                        ? new JsonSchema { Type = JsonObjectType.String }
                        : json,
                };
            }
        }

        return true;
    }
}
