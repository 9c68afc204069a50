using System.Text.Json;

using Crm.Domain.Common;

namespace Crm.Domain.Notifications;

/// <summary>
/// A person's choices about notifications, the same in all their organizations: the channels of each type (what they
/// never chose keeps its default), quiet hours and the email digest. Someone who never chose has no row.
/// </summary>
public sealed class NotificationPreferences : Entity
{
    private NotificationPreferences()
    {
        Channels = "{}";
    }

    /// <summary>The person's user id, which is also the row's <see cref="Entity.Id"/>.</summary>
    public Guid UserId => Id;

    /// <summary>The channels chosen per type, a JSON object <c>{"deal_won": {"in_app": true, "email": false}}</c>.</summary>
    public string Channels { get; private set; }

    public TimeOnly? QuietHoursStart { get; private set; }

    public TimeOnly? QuietHoursEnd { get; private set; }

    public string? QuietHoursTimeZone { get; private set; }

    public EmailDigest EmailDigest { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public QuietHours? QuietHours =>
        QuietHoursStart is { } start && QuietHoursEnd is { } end && QuietHoursTimeZone is { } zone ? new QuietHours(start, end, zone) : null;

    public static NotificationPreferences Default(Guid userId) => new() { Id = userId };

    /// <summary>The channels of every type for someone who never chose.</summary>
    public static NotificationChannels DefaultChannels(string type) =>
        new(true, NotificationTypes.EmailedByDefault.Contains(type));

    /// <summary>The channels of <paramref name="type"/>: the person's choice, or the default.</summary>
    public NotificationChannels ChannelsOf(string type) =>
        Chosen().TryGetValue(type, out var chosen) ? chosen : DefaultChannels(type);

    /// <summary>Replaces every choice: types not named return to their defaults.</summary>
    public void Replace(
        IReadOnlyDictionary<string, NotificationChannels> channels, QuietHours? quietHours, EmailDigest digest, DateTime now)
    {
        var known = channels.Where(c => NotificationTypes.IsKnown(c.Key))
            .ToDictionary(c => c.Key, c => new Choice(c.Value.InApp, c.Value.Email), StringComparer.Ordinal);
        Channels = JsonSerializer.Serialize(known);
        (QuietHoursStart, QuietHoursEnd, QuietHoursTimeZone) = (quietHours?.Start, quietHours?.End, quietHours?.TimeZone);
        EmailDigest = digest;
        UpdatedAt = now;
    }

    /// <summary>
    /// When an email for a notification made at <paramref name="now"/> may go: after the grouping window (so that a burst
    /// becomes one email), at the next full hour or the next morning at 08:00 with a digest, and never in quiet hours.
    /// </summary>
    public DateTime EmailDueAt(DateTime now, TimeSpan groupingWindow)
    {
        var due = EmailDigest switch
        {
            EmailDigest.Hourly => new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(1),
            EmailDigest.Daily => NextMorning(now),
            _ => now + groupingWindow,
        };
        return QuietHours?.EndOfPeriodAt(due) ?? due;
    }

    private DateTime NextMorning(DateTime now)
    {
        var zone = QuietHoursTimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
        var morning = DateOnly.FromDateTime(local).ToDateTime(new TimeOnly(8, 0));
        if (morning <= local)
        {
            morning = morning.AddDays(1);
        }

        return QuietHours.LocalToUtc(morning, zone);
    }

    private Dictionary<string, NotificationChannels> Chosen() =>
        (JsonSerializer.Deserialize<Dictionary<string, Choice>>(Channels) ?? [])
        .ToDictionary(c => c.Key, c => new NotificationChannels(c.Value.InApp, c.Value.Email), StringComparer.Ordinal);

    /// <summary>One type's stored choice.</summary>
    private sealed record Choice(bool InApp, bool Email);
}
