namespace Crm.Domain.Organizations;

/// <summary>The IANA time zones an organization may name, and its calendar day in one.</summary>
public static class OrganizationTimeZones
{
    public const string Default = "UTC";

    public const int MaxLength = 64;

    /// <summary>
    /// Known to the time zone database and IANA-named: on Linux, FindSystemTimeZoneById also accepts Windows names,
    /// which would then be shown back to clients that expect IANA ones.
    /// </summary>
    public static bool IsKnownIana(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxLength
        && !id.Contains(' ')
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;

    /// <summary>The calendar date at <paramref name="utcNow"/> in <paramref name="timeZone"/> (UTC if unknown).</summary>
    public static DateOnly Today(string? timeZone, DateTimeOffset utcNow) =>
        DateOnly.FromDateTime(
            timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
                ? TimeZoneInfo.ConvertTime(utcNow, zone).DateTime
                : utcNow.UtcDateTime);
}
