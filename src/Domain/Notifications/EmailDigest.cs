namespace Crm.Domain.Notifications;

/// <summary>How a person's notification emails are gathered: each after the grouping window, or one per hour or per day.</summary>
public enum EmailDigest
{
    Off,
    Hourly,
    Daily,
}
