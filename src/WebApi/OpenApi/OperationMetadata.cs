using Crm.WebApi.Http;
using Microsoft.AspNetCore.Authorization;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>What the operation processors read from an endpoint's metadata.</summary>
internal static class OperationMetadata
{
    public static IReadOnlyList<object> Of(OperationProcessorContext context) =>
        context is AspNetCoreOperationProcessorContext aspNetCore ? aspNetCore.ApiDescription.ActionDescriptor.EndpointMetadata.ToList() : [];

    /// <summary>The endpoint needs a bearer token.</summary>
    public static bool SignedIn(IReadOnlyList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    /// <summary>Where the endpoint's organization comes from, if it acts in one.</summary>
    public static OrganizationScope? Scope(IReadOnlyList<object> metadata) => metadata.OfType<OrganizationScope>().LastOrDefault();
}
