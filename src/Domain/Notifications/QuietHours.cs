namespace Crm.Domain.Notifications;

/// <summary>
/// A daily period, in a time zone, during which no notification email is sent; one that would be is held until the
/// period ends. A period whose end is before its start spans midnight (22:00–08:00).
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, string TimeZone)
{
    /// <summary>When the period that <paramref name="utc"/> falls in ends (UTC); null when it falls outside any.</summary>
    public DateTime? EndOfPeriodAt(DateTime utc)
    {
        if (Start == End || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone))
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var time = TimeOnly.FromDateTime(local);
        var spansMidnight = End < Start;
        var inside = spansMidnight ? time >= Start || time < End : time >= Start && time < End;
        if (!inside)
        {
            return null;
        }

        var endDay = DateOnly.FromDateTime(local);
        if (spansMidnight && time >= Start)
        {
            endDay = endDay.AddDays(1);
        }

        return LocalToUtc(endDay.ToDateTime(End), zone);
    }

    /// <summary>A local wall-clock time as UTC; a time skipped by a daylight saving change counts as the hour after.</summary>
    public static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}
