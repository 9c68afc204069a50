using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Crm.WebApi.Http;

/// <summary>304 Not Modified: the client's copy is current; no body (RFC 9110 §15.4.5).</summary>
public sealed class NotModified : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
}
