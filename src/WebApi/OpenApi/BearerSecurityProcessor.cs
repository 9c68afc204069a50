using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Signed-in operations require the bearer scheme; the others say explicitly that they need nothing, with the one
/// empty requirement (<c>[{}]</c>): the document's writer leaves an empty list out.
/// </summary>
internal sealed class BearerSecurityProcessor : IOperationProcessor
{
    public const string SchemeName = "bearer";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        operation.Security = OperationMetadata.SignedIn(OperationMetadata.Of(context))
            ? [new OpenApiSecurityRequirement { [SchemeName] = [] }]
            : [new OpenApiSecurityRequirement()];
        return true;
    }
}
