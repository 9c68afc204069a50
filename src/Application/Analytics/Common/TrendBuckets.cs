namespace Crm.Application.Analytics.Reports;

/// <summary>
/// The calendar of the trend: where a bucket starts, the next one, how many a range spans (at most 366 days, 260
/// weeks or 120 months), and the instants that bound a range of days in a time zone.
/// </summary>
public static class TrendBuckets
{
    public const int MaxDays = 366;
    public const int MaxWeeks = 260;
    public const int MaxMonths = 120;

    /// <summary>The first day of the bucket holding <paramref name="day"/>: itself, its week's Monday, or its month's first day.</summary>
    public static DateOnly Start(DateOnly day, TrendInterval interval) => interval switch
    {
        TrendInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TrendInterval.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>The first day of the bucket after the one starting on <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, TrendInterval interval) => interval switch
    {
        TrendInterval.Week => start.AddDays(7),
        TrendInterval.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    /// <summary>How many buckets the days from <paramref name="from"/> to <paramref name="to"/> (both included) touch.</summary>
    public static int Count(DateOnly from, DateOnly to, TrendInterval interval) => interval switch
    {
        TrendInterval.Week => ((Start(to, interval).DayNumber - Start(from, interval).DayNumber) / 7) + 1,
        TrendInterval.Month => (to.Year * 12) + to.Month - (from.Year * 12) - from.Month + 1,
        _ => to.DayNumber - from.DayNumber + 1,
    };

    public static int Max(TrendInterval interval) => interval switch
    {
        TrendInterval.Week => MaxWeeks,
        TrendInterval.Month => MaxMonths,
        _ => MaxDays,
    };

    /// <summary>Without <c>from</c>: 30 days, or 12 weeks or months, ending with the bucket of <paramref name="to"/>.</summary>
    public static DateOnly DefaultFrom(DateOnly to, TrendInterval interval) => interval switch
    {
        TrendInterval.Week => Start(to, interval).AddDays(-7 * 11),
        TrendInterval.Month => Start(to, interval).AddMonths(-11),
        _ => to.AddDays(-29),
    };

    /// <summary>What is wrong with the range, keyed by the parameter to blame; null when it is acceptable.</summary>
    public static (string Field, string Message)? Problem(DateOnly from, DateOnly to, TrendInterval interval)
    {
        if (from > to)
        {
            return ("From", "must not be after to");
        }

        var count = Count(from, to, interval);
        var unit = interval.ToString().ToLowerInvariant();
        return count > Max(interval)
            ? ("From", $"the range spans {count} {unit} buckets; at most {Max(interval)} are allowed with interval={unit}")
            : null;
    }

    /// <summary>Every bucket start from the bucket of <paramref name="from"/> to the bucket of <paramref name="to"/>.</summary>
    public static IEnumerable<DateOnly> Starts(DateOnly from, DateOnly to, TrendInterval interval)
    {
        for (var start = Start(from, interval); start <= to; start = Next(start, interval))
        {
            yield return start;
        }
    }

    /// <summary>The instant a calendar day begins in <paramref name="zone"/> (its first valid local time when midnight is skipped).</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The bucket an instant falls in, on the calendar of <paramref name="zone"/>.</summary>
    public static DateOnly BucketOf(DateTime utc, TimeZoneInfo zone, TrendInterval interval) =>
        Start(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone)), interval);
}
