namespace Crm.Infrastructure.Webhooks;

/// <summary>Settings of the <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this instance sends deliveries; every instance may, since claims never overlap.</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>Allows <c>http</c> URLs to loopback outside Development (local receivers, tests); never to other hosts.</summary>
    public bool AllowInsecure { get; set; }

    /// <summary>Allows targets on private, loopback and link-local addresses (an on-premises receiver); off by default (SSRF).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long a failing delivery is retried before it fails for good.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a receiver has to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a dispatcher holds the deliveries it claimed; past it, another instance takes them over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often each instance looks for due deliveries: retries, and changes committed on other instances. A change
    /// committed on this instance wakes its dispatcher at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries claimed at once by one instance.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long deliveries are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
