namespace Crm.Infrastructure.Notifications.Live;

/// <summary>Settings of the <c>Notifications:Live</c> section: the hub and the event stream.</summary>
public sealed class LiveNotificationOptions
{
    public const string Section = "Notifications:Live";

    /// <summary>Event streams one person may hold open at once on one instance.</summary>
    public int MaxStreamsPerUser { get; set; } = 5;

    /// <summary>Hub connections one person may hold open at once on one instance.</summary>
    public int MaxHubConnectionsPerUser { get; set; } = 20;

    /// <summary>How often an idle event stream sends a comment, so that proxies keep it open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often open connections are checked against their sessions and tokens; ended ones are closed.</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
