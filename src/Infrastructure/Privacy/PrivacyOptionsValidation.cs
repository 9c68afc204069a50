using Crm.Infrastructure.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Privacy;

/// <summary>A suppression key, when set, is 32 bytes in base64, and outside Development not the public development key.</summary>
internal sealed class PrivacyOptionsValidation(IHostEnvironment environment) : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SuppressionKey))
        {
            return ValidateOptionsResult.Success;
        }

        if (EncryptionKey.TryRead(options.SuppressionKey) is null)
        {
            return ValidateOptionsResult.Fail("Privacy:SuppressionKey must be 32 bytes in base64 (openssl rand -base64 32).");
        }

        return !environment.IsDevelopment() && EncryptionKey.IsDevelopmentKey(options.SuppressionKey)
            ? ValidateOptionsResult.Fail($"Privacy:SuppressionKey is the public development key, which is refused in the {environment.EnvironmentName} environment.")
            : ValidateOptionsResult.Success;
    }
}
