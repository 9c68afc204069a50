using Crm.WebApi.Http;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Tenant-scoped operations take the organization in the <c>X-Organization-Id</c> header, first of all parameters; the
/// few that read it optionally describe it as such.
/// </summary>
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
        else if (context.OperationDescription.Operation.Parameters.FirstOrDefault(
                     p => p.Kind == OpenApiParameterKind.Header && p.Name == OrganizationScope.HeaderName) is { } optional)
        {
            // The caller's own resources (notifications) span organizations: the header only narrows them to one.
            optional.IsRequired = false;
            optional.Description = "Optional: narrows the answer to this organization, of which the caller must be a member.";
            optional.Schema = new JsonSchema { Type = JsonObjectType.String, Format = JsonFormatStrings.Guid };
        }

        return true;
    }
}
