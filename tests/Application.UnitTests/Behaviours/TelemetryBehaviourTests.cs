using System.Diagnostics;
using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.UnitTests.Behaviours;

[NonParallelizable]
public sealed class TelemetryBehaviourTests
{
    public sealed record Probe : IRequest<string>;

    [Test]
    public async Task Each_request_is_one_span_named_after_it_with_its_outcome()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MediatorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var behaviour = new TelemetryBehaviour<Probe, string>();

        await behaviour.Handle(new Probe(), CancellationToken.None, () => Task.FromResult("ok"));
        await Should.ThrowAsync<ForbiddenException>(() => behaviour.Handle(
            new Probe(), CancellationToken.None, () => throw new ForbiddenException(ErrorCatalog.InsufficientRole)));
        await Should.ThrowAsync<InvalidOperationException>(() => behaviour.Handle(
            new Probe(), CancellationToken.None, () => throw new InvalidOperationException("bug")));

        spans.Select(s => s.DisplayName).ShouldAllBe(n => n == nameof(Probe));
        spans.Select(s => s.GetTagItem("crm.outcome")).ShouldBe(["success", "refused", "error"]);
        spans[1].GetTagItem("crm.code").ShouldBe("insufficient_role");
        spans[2].Status.ShouldBe(ActivityStatusCode.Error);
    }
}
