using Microsoft.AspNetCore.Http.Metadata;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// The operation's summary and tags from its endpoint, and a description saying who may call it and in which
/// organization it acts, and a description of its success responses.
/// </summary>
internal sealed class OperationDescriptionProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = OperationMetadata.Of(context);
        operation.Summary = metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? operation.Summary;
        var tags = metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).Distinct().ToList();
        if (tags.Count > 0)
        {
            operation.Tags = tags;
        }

        var caller = OperationMetadata.SignedIn(metadata) ? "Needs a bearer token" : "Needs no token";
        var scope = OperationMetadata.Scope(metadata) switch
        {
            { RouteValue: null } => $"; acts in the organization named by the `{Http.OrganizationScope.HeaderName}` header, of which the caller must be a member",
            { RouteValue: { } route } => $"; acts in the organization of the `{route}` path parameter, of which the caller must be a member",
            null => "",
        };
        operation.Description = metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description
            ?? $"{operation.Summary}. {caller}{scope}.";
        foreach (var (status, response) in operation.Responses.Where(r => string.IsNullOrEmpty(r.Value.Description)))
        {
            response.Description = status switch
            {
                "201" => "Created.",
                "204" => "Done; no content.",
                _ => "OK.",
            };
        }

        return true;
    }
}
