namespace Crm.Application.Common.Caching;

/// <summary>
/// A query whose answer the caching behavior may keep. The behavior prefixes <see cref="CacheKey"/> with the
/// organization (and the tags' versions), so an answer never crosses tenants and is dropped when a tag is
/// invalidated.
/// </summary>
public interface ICacheableQuery
{
    /// <summary>Identifies the answer within the organization: the query's name and its parameters.</summary>
    string CacheKey { get; }

    /// <summary>Groups of data the answer depends on; invalidating any of them drops it.</summary>
    IReadOnlyList<string> CacheTags { get; }

    /// <summary>Whom else the answer depends on, besides the organization: nobody, the caller's role, or the caller.</summary>
    CacheVary Vary => CacheVary.Organization;
}

/// <summary>What a cached answer's key carries besides the organization.</summary>
public enum CacheVary
{
    Organization,
    Role,
    User,
}

public static class CacheTags
{
    /// <summary>Everything computed from an organization's deals.</summary>
    public const string Deals = "deals";

    /// <summary>Every record of one kind in an organization: bumped whenever one is added, changed or removed.</summary>
    public static string RecordsOf(Type records) => "records:" + records.Name.ToLowerInvariant();
}

public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>How long a cached answer lives at most; invalidation drops it earlier.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A Redis configuration string (<c>127.0.0.1:6379</c>); empty keeps answers in each instance's memory.</summary>
    public string? Redis { get; set; }

    /// <summary>The prefix of every Redis key, so that several deployments may share one Redis.</summary>
    public string RedisPrefix { get; set; } = "crm:";

    /// <summary>How long one cache call may take before the database answers instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);
}
