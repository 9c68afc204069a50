using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Crm.Application.Common.Behaviours;

/// <summary>The mediator's telemetry: its activity source and meter (<c>Crm.Mediator</c>).</summary>
public static class MediatorTelemetry
{
    public const string Name = "Crm.Mediator";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "crm.mediator.request.duration", "s", "How long each mediator request took, by request and outcome.");
}
