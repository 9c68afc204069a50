using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Application.UnitTests.Behaviours;

public sealed class PipelineOrderTests
{
    [Test]
    public void The_behaviours_run_in_the_documented_order()
    {
        var registered = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<,>))
            .Select(d => d.ImplementationType!.Name[..d.ImplementationType.Name.IndexOf('`', StringComparison.Ordinal)])
            .ToList();

        // The order README's "One request's path" describes.
        registered.ShouldBe(
        [
            "TelemetryBehaviour", "LoggingBehaviour", "UnhandledExceptionBehaviour", "AuthorizationBehaviour",
            "ValidationBehaviour", "CachingBehaviour", "CacheInvalidationBehaviour", "TransactionOutcomeBehaviour",
            "AuditBehaviour", "TransactionBehaviour",
        ]);
    }
}
