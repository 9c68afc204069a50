namespace Crm.Infrastructure.Identity;

/// <summary>Settings of the <c>Auth:Purge</c> section: when dead sessions, tokens and invitations are deleted.</summary>
public sealed class TokenPurgeOptions
{
    public const string Section = "Auth:Purge";

    /// <summary>How long an expired, used or revoked record is kept (for support and reuse detection) before it goes.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the purge runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted or scrubbed per transaction, so that a large purge never holds locks for long.</summary>
    public int BatchSize { get; set; } = 5_000;
}
