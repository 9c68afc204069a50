using Crm.WebApi.Http;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>Tenant-scoped operations take the organization in the <c>X-Organization-Id</c> header, first of all parameters.</summary>
internal sealed class OrganizationHeaderProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (OperationMetadata.Scope(OperationMetadata.Of(context)) is { RouteValue: null })
        {
            context.OperationDescription.Operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = OrganizationScope.HeaderName,
                Kind = OpenApiParameterKind.Header,
                IsRequired = true,
                Description = "The organization this request acts in; the caller must be a member of it. An API key may leave " +
                    "it out (it acts in its own organization) and may name no other.",
                Schema = new JsonSchema { Type = JsonObjectType.String, Format = JsonFormatStrings.Guid },
            });
        }

        return true;
    }
}
