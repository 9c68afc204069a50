namespace Crm.Application.Common.Caching;

/// <summary>How the caching behaviour keeps answers (section <c>Caching</c>).</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>How long a cached answer lives at most; invalidation drops it earlier.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(60);
}
