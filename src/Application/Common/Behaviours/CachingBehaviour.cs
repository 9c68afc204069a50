using Crm.Application.Common.Caching;
using Crm.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Application.Common.Behaviours;

/// <summary>
/// Serves cacheable queries from the cache under organization-scoped keys that carry the versions of the tags they
/// depend on. A failing cache never fails a request: it is logged and the database answers.
/// </summary>
public sealed class CachingBehaviour<TRequest, TResponse>(
    ICacheStore cache,
    IRequestContext context,
    IOptions<CachingOptions> options,
    ILogger<CachingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is ICacheableQuery cacheable && context.OrganizationId is { } organizationId
            && typeof(TResponse).IsClass)
        {
            return await CachedAsync(cacheable, organizationId, next, cancellationToken);
        }

        return await next();
    }

    private async Task<TResponse> CachedAsync(
        ICacheableQuery query, Guid organizationId, RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        string? key = null;
        try
        {
            var versions = new List<long>();
            foreach (var tag in query.CacheTags)
            {
                versions.Add(await cache.GetTagVersionAsync(PendingCacheInvalidations.TagKey(organizationId, tag), ct));
            }

            var audience = query.Vary switch
            {
                CacheVary.Role => $"role:{context.Role}:",
                CacheVary.User => $"user:{context.UserId}:",
                _ => string.Empty,
            };
            key = $"{organizationId}:{audience}{query.CacheKey}:v{string.Join('.', versions)}";
            if (await cache.GetAsync(key, typeof(TResponse), ct) is TResponse cached)
            {
                return cached;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Cache read failed for {RequestName}; answering from the database", typeof(TRequest).Name);
        }

        var response = await next();
        if (key is not null && response is not null)
        {
            await TryAsync(() => cache.SetAsync(key, response, typeof(TResponse), options.Value.TimeToLive, ct), "write", key);
        }

        return response;
    }

    private async Task TryAsync(Func<Task> action, string operation, string key)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Cache {Operation} failed for {CacheKey}", operation, key);
        }
    }
}
