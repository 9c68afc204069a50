using Newtonsoft.Json.Linq;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>Puts the request body and answer examples of <see cref="Examples"/> on their operations.</summary>
internal sealed class RequestExamplesProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        if (operation.OperationId is { } id && Examples.Requests.TryGetValue(id, out var example)
            && operation.RequestBody is { } request
            && (request.Content.TryGetValue("application/json", out var body) || request.Content.TryGetValue("multipart/form-data", out body)))
        {
            body.Example = JToken.Parse(example);
        }

        if (operation.OperationId is { } op && Examples.Responses.TryGetValue(op, out var answer)
            && operation.Responses.TryGetValue("200", out var ok) && ok.Content.TryGetValue("application/json", out var content))
        {
            content.Example = JToken.Parse(answer);
        }

        return true;
    }
}
