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
