using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Email;

/// <summary>Settings of the <c>Email</c> section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>smtp</c>, or <c>pickup</c>: the development default, which writes .eml files to a folder.</summary>
    public string Transport { get; set; } = "pickup";

    /// <summary>Where the pickup transport writes messages.</summary>
    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "crm-mail");

    public string SmtpHost { get; set; } = string.Empty;

    public int SmtpPort { get; set; } = 25;

    public bool SmtpSsl { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "Crm <no-reply@crm.localhost>";

    /// <summary>The product's address, which links in emails point at.</summary>
    public string AppBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Sending attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed message stays reserved to one dispatcher before another may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 10;
}

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
