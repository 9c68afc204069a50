namespace Crm.Domain.Common;

public static class Clock
{
    /// <summary>
    /// The current UTC time truncated to whole microseconds, the precision PostgreSQL stores, so that a value
    /// returned on create equals the one read back later.
    /// </summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
