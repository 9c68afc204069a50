using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crm.Infrastructure.Email;

/// <summary>
/// The pickup folder is for development: Production sends through SMTP, from a real address, with links to the
/// product's public address rather than the development defaults.
/// </summary>
internal sealed class EmailOptionsValidation(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var transport = options.Transport switch
        {
            "smtp" when string.IsNullOrWhiteSpace(options.SmtpHost) => "Email:SmtpHost is required with Email:Transport=smtp.",
            "smtp" => null,
            "pickup" when environment.IsProduction() =>
                "Email:Transport=pickup writes emails to a folder, for development only; configure Email:Transport=smtp and Email:SmtpHost.",
            "pickup" => null,
            _ => "Email:Transport must be smtp or pickup.",
        };
        if (transport is not null)
        {
            return ValidateOptionsResult.Fail(transport);
        }

        if (!MailboxAddress.TryParse(options.From, out var from))
        {
            return ValidateOptionsResult.Fail($"Email:From must be an address such as \"Crm <no-reply@example.com>\" (is {options.From}).");
        }

        if (!Uri.TryCreate(options.AppBaseUrl, UriKind.Absolute, out var app) || (app.Scheme != Uri.UriSchemeHttps && app.Scheme != Uri.UriSchemeHttp))
        {
            return ValidateOptionsResult.Fail($"Email:AppBaseUrl must be an absolute http(s) address (is {options.AppBaseUrl}).");
        }

        if (environment.IsProduction() && (app.IsLoopback || app.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail(
                $"Email:AppBaseUrl is {options.AppBaseUrl}: in Production the links in emails must point at the product's public https address.");
        }

        return environment.IsProduction() && from.Domain.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail($"Email:From is the development address {from.Address}: set the address the product's emails come from.")
            : ValidateOptionsResult.Success;
    }
}
