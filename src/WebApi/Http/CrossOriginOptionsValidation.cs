using Microsoft.Extensions.Options;

namespace Crm.WebApi.Http;

/// <summary>
/// Each allowed origin is a scheme, a host and perhaps a port, nothing more; <c>*</c> (every site) is never accepted,
/// and Production accepts only https origins on a real host, not the development entries (loopback, any port).
/// </summary>
internal sealed class CrossOriginOptionsValidation(IHostEnvironment environment) : IValidateOptions<CrossOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
    {
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            var entry = options.AllowedOrigins[i];
            var setting = $"{CrossOriginOptions.Section}:AllowedOrigins:{i}";
            if (entry.Contains('*', StringComparison.Ordinal) && !entry.EndsWith(":*", StringComparison.Ordinal) || entry.Count(c => c == '*') > 1)
            {
                return ValidateOptionsResult.Fail(
                    $"{setting} is {entry}: a wildcard would let any site call the API with its visitors' tokens; list each origin (https://app.example.com).");
            }

            var anyPort = entry.EndsWith(":*", StringComparison.Ordinal);
            if (!Uri.TryCreate(anyPort ? entry[..^2] : entry.TrimEnd('/'), UriKind.Absolute, out var origin)
                || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp)
                || origin.PathAndQuery != "/" || !string.IsNullOrEmpty(origin.UserInfo) || !string.IsNullOrEmpty(origin.Fragment))
            {
                return ValidateOptionsResult.Fail($"{setting} must be an origin such as https://app.example.com, without a path (is {entry}).");
            }

            if (environment.IsProduction() && (anyPort || origin.IsLoopback || origin.Scheme != Uri.UriSchemeHttps))
            {
                return ValidateOptionsResult.Fail(
                    $"{setting} is {entry}, a development origin: in Production list the https origins of the product's web pages.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
