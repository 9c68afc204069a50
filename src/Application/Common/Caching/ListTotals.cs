using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Application.Common.Caching;

/// <summary>Which records a list counts, and its filters: the cache key of the list's total.</summary>
public sealed record ListTotalKey(Type Records, string Filters)
{
    public string Tag => CacheTags.RecordsOf(Records);
}

/// <summary>
/// Keeps list totals in the cache under the organization's version of the records' tag, which every insert, update
/// or delete of such a record bumps once its transaction has committed: a deep list of 100,000 rows is counted once
/// per change, not once per page. A failing cache is logged and the database counts.
/// </summary>
public sealed class ListTotals(
    IReadStore store,
    ICacheStore cache,
    IRequestContext context,
    IOptions<CachingOptions> options,
    ILogger<ListTotals> logger) : IListTotals
{
    public async Task<int> CountAsync<T>(IQueryable<T> query, ListTotalKey key, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        string? cacheKey = null;
        try
        {
            var version = await cache.GetTagVersionAsync(PendingCacheInvalidations.TagKey(organizationId, key.Tag), cancellationToken);
            cacheKey = $"{organizationId}:total:{key.Tag}:{key.Filters}:v{version}";
            if (await cache.GetAsync(cacheKey, typeof(ListTotal), cancellationToken) is ListTotal cached)
            {
                return cached.Count;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Cache read failed for a list total; counting in the database");
        }

        var count = await store.CountAsync(query, cancellationToken);
        if (cacheKey is not null)
        {
            try
            {
                await cache.SetAsync(cacheKey, new ListTotal(count), typeof(ListTotal), options.Value.TimeToLive, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Cache write failed for {CacheKey}", cacheKey);
            }
        }

        return count;
    }

    public sealed record ListTotal(int Count);
}
