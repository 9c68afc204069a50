using Crm.Application.Common.Behaviours;
using Crm.Infrastructure.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Crm.Infrastructure.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The OTLP endpoint (<c>http://127.0.0.1:4318</c>); traces and metrics are exported only when set.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string Protocol { get; set; } = "http/protobuf";

    public string ServiceName { get; set; } = "crm-api";
}

/// <summary>
/// Traces and metrics of ASP.NET Core, Npgsql, the mediator pipeline and the cache, exported over OTLP when an
/// endpoint is configured. ASP.NET Core and Npgsql emit them natively; the SDK is created with the host and
/// flushed and disposed when it stops.
/// </summary>
public sealed class CrmTelemetry(IConfiguration configuration) : IHostedService, IDisposable
{
    private OpenTelemetrySdk? _sdk;

    public OpenTelemetrySdk? Sdk => _sdk;

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddSingleton<CrmTelemetry>();
        services.AddHostedService(sp => sp.GetRequiredService<CrmTelemetry>());
        return services;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            var protocol = options.Protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            _sdk = OpenTelemetrySdk.Create(builder => builder
                .ConfigureResource(resource => resource.AddService(options.ServiceName))
                .WithTracing(tracing => tracing.AddSource("Microsoft.AspNetCore", "Npgsql", MediatorTelemetry.Name))
                .WithMetrics(metrics => metrics.AddMeter(
                    "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql", MediatorTelemetry.Name, ResilientCacheStore.MeterName))
                .UseOtlpExporter(protocol, new Uri(options.Endpoint)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _sdk?.TracerProvider.ForceFlush(2_000);
        _sdk?.MeterProvider.ForceFlush(2_000);
        return Task.CompletedTask;
    }

    public void Dispose() => _sdk?.Dispose();
}
