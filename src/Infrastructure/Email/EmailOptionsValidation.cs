using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Email;

/// <summary>The pickup folder is for development: other environments must send through SMTP.</summary>
internal sealed class EmailOptionsValidation(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options) => options.Transport switch
    {
        "smtp" when string.IsNullOrWhiteSpace(options.SmtpHost) => ValidateOptionsResult.Fail("Email:SmtpHost is required with Email:Transport=smtp."),
        "smtp" => ValidateOptionsResult.Success,
        "pickup" when environment.IsProduction() => ValidateOptionsResult.Fail(
            "Email:Transport=pickup writes emails to a folder, for development only; configure Email:Transport=smtp and Email:SmtpHost."),
        "pickup" => ValidateOptionsResult.Success,
        _ => ValidateOptionsResult.Fail("Email:Transport must be smtp or pickup."),
    };
}
