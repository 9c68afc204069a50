using Crm.Domain.Notifications;

namespace Crm.Application.Notifications.Common;

/// <summary>A person's notification preferences: the channels of every type, quiet hours (null: none) and the email digest.</summary>
public sealed record NotificationPreferencesDto(
    IReadOnlyDictionary<string, NotificationChannelsDto> Channels, QuietHoursDto? QuietHours, EmailDigest EmailDigest)
{
    public static NotificationPreferencesDto Of(NotificationPreferences preferences) => new(
        NotificationTypes.All.ToDictionary(
            t => t, t => preferences.ChannelsOf(t) is var c ? new NotificationChannelsDto(c.InApp, c.Email) : null!, StringComparer.Ordinal),
        preferences.QuietHours is { } quiet
            ? new QuietHoursDto(quiet.Start.ToString("HH:mm"), quiet.End.ToString("HH:mm"), quiet.TimeZone)
            : null,
        preferences.EmailDigest);
}
