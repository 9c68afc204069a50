using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Signed-in operations require the bearer scheme (an access token, or on the organization's operations an API key,
/// which X-Api-Key may carry as well); the others say explicitly that they need nothing, with the one
/// empty requirement (<c>[{}]</c>): the document's writer leaves an empty list out.
/// </summary>
internal sealed class BearerSecurityProcessor : IOperationProcessor
{
    public const string SchemeName = "bearer";
    public const string ApiKeySchemeName = "api_key";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = OperationMetadata.Of(context);
        operation.Security = !OperationMetadata.SignedIn(metadata)
            ? [new OpenApiSecurityRequirement()]
            : OperationMetadata.Scope(metadata) is null
                ? [new OpenApiSecurityRequirement { [SchemeName] = [] }]
                : [new OpenApiSecurityRequirement { [SchemeName] = [] }, new OpenApiSecurityRequirement { [ApiKeySchemeName] = [] }];
        return true;
    }
}
