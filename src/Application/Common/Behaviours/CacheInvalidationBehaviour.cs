using Crm.Application.Common.Caching;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Crm.Application.Common.Behaviours;

/// <summary>
/// Once a command has committed, bumps the cache tags its changes collected, before the response leaves, so that
/// no read after a write is stale on any instance. A command that fails bumps nothing; a failing cache is logged.
/// </summary>
public sealed class CacheInvalidationBehaviour<TRequest, TResponse>(
    ICacheStore cache,
    PendingCacheInvalidations pending,
    ILogger<CacheInvalidationBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        TResponse response;
        try
        {
            response = await next();
        }
        catch
        {
            pending.Drain();
            throw;
        }

        foreach (var tag in pending.Drain())
        {
            try
            {
                await cache.InvalidateTagAsync(tag, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Cache invalidate failed for {CacheTag}", tag);
            }
        }

        return response;
    }
}
