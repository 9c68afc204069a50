using System.ComponentModel.DataAnnotations;
using Crm.Infrastructure.Configuration;

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

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    public bool SmtpSsl { get; set; }

    public string? SmtpUser { get; set; }

    [Secret]
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
