using Crm.Domain.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Crm.WebApi.Http;

/// <summary>
/// Bounds every request body: <see cref="DefaultMaxBytes"/> unless the endpoint declares its own limit (file uploads).
/// A declared length beyond it is refused before reading (413); a body that grows beyond it while read (chunked)
/// fails the read with the same answer.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (http.Request.ContentLength > limit)
        {
            await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.PayloadTooLarge, $"The body may hold at most {limit} bytes."));
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        // A body of undeclared length is counted as it is read, whatever server carries it.
        if (http.Request.ContentLength is null)
        {
            http.Request.Body = new LengthLimitedStream(http.Request.Body, limit);
        }

        await next(http);
    }
}
