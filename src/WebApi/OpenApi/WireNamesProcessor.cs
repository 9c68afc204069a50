using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// The document names parameters as they travel, without the C# names of the handler's arguments, so generated
/// clients take <c>page_size</c> and <c>body</c> whatever the handler calls them.
/// </summary>
internal sealed class WireNamesProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        foreach (var parameter in operation.Parameters)
        {
            parameter.OriginalName = null;
        }

        if (operation.RequestBody is { } body)
        {
            body.Name = "body";
        }

        return true;
    }
}
