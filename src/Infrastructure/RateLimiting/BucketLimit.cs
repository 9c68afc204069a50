namespace Crm.Infrastructure.RateLimiting;

/// <summary>A token bucket: at most <see cref="TokenLimit"/> requests at once, refilled by <see cref="TokensPerPeriod"/> every <see cref="Period"/>.</summary>
public sealed class BucketLimit
{
    public BucketLimit()
    {
    }

    public BucketLimit(int tokenLimit, int tokensPerSecond)
    {
        TokenLimit = tokenLimit;
        TokensPerPeriod = tokensPerSecond;
    }

    public int TokenLimit { get; set; } = 60;

    public int TokensPerPeriod { get; set; } = 1;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Seconds until an empty bucket is full again.</summary>
    public int SecondsToRefill(long available) =>
        (int)Math.Ceiling(Math.Max(0, TokenLimit - available) / (double)TokensPerPeriod * Period.TotalSeconds);
}
