using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Idempotency;
using Crm.WebApi.Http;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Documents safe retries and conditional requests: the <c>Idempotency-Key</c> header of every signed-in POST and
/// PATCH (and the <c>Idempotent-Replayed</c> header of a replayed answer), the <c>If-Match</c> and
/// <c>If-None-Match</c> headers, the <c>ETag</c> of answers that show one record, and the bodiless 304.
/// </summary>
internal sealed class ConditionalRequestsProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var method = context.OperationDescription.Method;
        var metadata = OperationMetadata.Of(context);
        var idempotent = OperationMetadata.SignedIn(metadata)
            && (method == OpenApiOperationMethod.Post || method == OpenApiOperationMethod.Patch);
        if (idempotent)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeys.Header,
                Kind = OpenApiParameterKind.Header,
                IsRequired = false,
                Description = "Makes a retry safe: 1 to 255 printable ASCII characters, unique per request (a UUID). The first "
                    + "answer to a key is kept for 24 hours per caller and organization and replayed, with "
                    + "`Idempotent-Replayed: true`, to a repeat with the same method, path and body, which does nothing "
                    + "else. Another request with the key answers 422 `idempotency_key_reused`; a repeat while the first "
                    + "still runs answers 409 `idempotency_key_in_progress`. Server errors, rate limits, concurrent "
                    + "updates and input refused before the request ran are not kept.",
                Schema = new JsonSchema { Type = JsonObjectType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxLength },
            });
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Header))
        {
            parameter.Description = parameter.Name switch
            {
                EntityTags.IfMatchHeader => "Writes only if the record is still at one of these versions: its `ETag` "
                    + "as last read (or `*`). Otherwise 412 `precondition_failed`, and nothing changes. A weak tag "
                    + "never matches.",
                EntityTags.IfNoneMatchHeader => "The `ETag` of the copy the client holds: when it is still current "
                    + "the answer is 304 without a body.",
                _ => parameter.Description,
            };
        }

        var versioned = context is AspNetCoreOperationProcessorContext aspNetCore
            && aspNetCore.ApiDescription.SupportedResponseTypes.Any(r => typeof(IVersionedResource).IsAssignableFrom(r.Type));
        foreach (var (status, response) in operation.Responses)
        {
            if (status == "304")
            {
                response.Description = "Not modified: the copy named in If-None-Match is current. No body.";
                response.Headers["ETag"] = ETag();
                continue;
            }

            if (!status.StartsWith('2'))
            {
                continue;
            }

            if (versioned && status is "200" or "201")
            {
                response.Headers["ETag"] = ETag();
            }

            if (idempotent)
            {
                response.Headers[IdempotencyKeys.ReplayedHeader] = new OpenApiHeader
                {
                    Description = "`true` when this is the kept answer of an earlier request with the same Idempotency-Key.",
                    Schema = new JsonSchema { Type = JsonObjectType.String, Enumeration = { "true" } },
                };
            }
        }

        return true;
    }

    private static OpenApiHeader ETag() => new()
    {
        Description = "The record's version, a strong entity tag: send it in If-Match to update or delete only this "
            + "version, or in If-None-Match to read only when it changed.",
        Schema = new JsonSchema { Type = JsonObjectType.String },
    };
}
