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
