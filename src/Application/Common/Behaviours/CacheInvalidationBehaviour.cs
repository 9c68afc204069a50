using Crm.Application.Common.Caching;
using Crm.Application.Common.Messaging;
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
        if (RequestKind<TRequest>.IsBatch)
        {
            return await InvalidateAfterBatchAsync(next);
        }

        if (pending.Deferred)
        {
            // An item of a batch: the batch bumps every item's tags once, after its last item.
            return await next();
        }

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

        await InvalidateAsync(cancellationToken);
        return response;
    }

    /// <summary>
    /// A batch's items commit one by one, so their tags are bumped even when the batch fails part way; one bump per tag
    /// instead of one per item and tag. A failed item's tags are bumped too, which costs a cache miss and nothing else.
    /// </summary>
    private async Task<TResponse> InvalidateAfterBatchAsync(RequestHandlerDelegate<TResponse> next)
    {
        pending.Deferred = true;
        try
        {
            return await next();
        }
        finally
        {
            pending.Deferred = false;
            await InvalidateAsync(CancellationToken.None);
        }
    }

    private async Task InvalidateAsync(CancellationToken cancellationToken)
    {
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
    }
}
