using Newtonsoft.Json.Linq;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>Puts the request body example of <see cref="Examples"/> on its operation.</summary>
internal sealed class RequestExamplesProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        if (operation.OperationId is { } id && Examples.Requests.TryGetValue(id, out var example)
            && operation.RequestBody?.Content.TryGetValue("application/json", out var body) == true)
        {
            body.Example = JToken.Parse(example);
        }

        return true;
    }
}
