using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Telemetry;

/// <summary>An OTLP endpoint, when set, is an absolute http(s) address and the protocol one the exporter speaks.</summary>
internal sealed class TelemetryOptionsValidation : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (options.Endpoint is { Length: > 0 } endpoint && !CrmTelemetry.IsEndpoint(endpoint))
        {
            return ValidateOptionsResult.Fail($"OpenTelemetry:Endpoint must be an absolute http(s) address such as http://127.0.0.1:4318 (is {endpoint}).");
        }

        if (options.Protocol is not ("http/protobuf" or "grpc"))
        {
            return ValidateOptionsResult.Fail($"OpenTelemetry:Protocol must be http/protobuf or grpc (is {options.Protocol}).");
        }

        return string.IsNullOrWhiteSpace(options.ServiceName)
            ? ValidateOptionsResult.Fail("OpenTelemetry:ServiceName must not be empty.")
            : ValidateOptionsResult.Success;
    }
}
