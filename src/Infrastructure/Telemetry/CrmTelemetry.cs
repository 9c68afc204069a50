using Crm.Application.Common.Behaviours;
using Crm.Infrastructure.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Crm.Infrastructure.Telemetry;

/// <summary>
/// Traces and metrics of ASP.NET Core, outgoing HTTP, Npgsql, the mediator pipeline and the cache, through
/// OpenTelemetry's hosting and instrumentation packages, exported over OTLP when <c>OpenTelemetry:Endpoint</c> is set.
/// Without an endpoint nothing is registered, so a service nobody observes pays nothing per request.
/// </summary>
public static class CrmTelemetry
{
    public static IServiceCollection AddTo(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        // An unreadable endpoint registers nothing here; TelemetryOptionsValidation stops the start naming it.
        if (string.IsNullOrWhiteSpace(options.Endpoint) || !IsEndpoint(options.Endpoint))
        {
            return services;
        }

        var protocol = options.Protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(MediatorTelemetry.Name))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MediatorTelemetry.Name, ResilientCacheStore.MeterName))
            .UseOtlpExporter(protocol, new Uri(options.Endpoint));
        return services;
    }

    /// <summary>Whether <paramref name="endpoint"/> is an absolute http(s) address, as the OTLP exporter needs.</summary>
    public static bool IsEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
