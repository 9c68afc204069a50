namespace Crm.Infrastructure.RateLimiting;

/// <summary>At most <see cref="Limit"/> uses within any <see cref="Window"/> (a sliding window).</summary>
public sealed class WindowLimit
{
    public WindowLimit()
    {
    }

    public WindowLimit(int limit, TimeSpan window)
    {
        Limit = limit;
        Window = window;
    }

    public int Limit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
