using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Webhooks;

/// <summary>Production sends webhooks over https only; the retry schedule must make sense.</summary>
internal sealed class WebhookOptionsValidation(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        if (environment.IsProduction() && options.AllowInsecure)
        {
            return ValidateOptionsResult.Fail("Webhooks:AllowInsecure=true (plain http to loopback receivers) is for development and tests; it is refused in Production.");
        }

        return options.FirstRetryDelay > options.MaxRetryDelay
            ? ValidateOptionsResult.Fail("Webhooks:FirstRetryDelay must not be longer than Webhooks:MaxRetryDelay.")
            : ValidateOptionsResult.Success;
    }
}
