using System.Diagnostics.Metrics;
using Crm.Application.Common.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Crm.Infrastructure.Caching;

/// <summary>
/// Guards the cache with a timeout and a circuit breaker: a slow or failing cache is given up quickly, then left
/// alone for a while, and the caching behavior answers from the database meanwhile. Counts hits, misses and
/// failures in the <c>Crm.Cache</c> meter, and logs when the circuit opens and closes.
/// </summary>
internal sealed class ResilientCacheStore : ICacheStore
{
    public const string MeterName = "Crm.Cache";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("crm.cache.lookups", description: "Cached-query lookups, by result (hit, miss).");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("crm.cache.failures", description: "Cache calls that failed or were refused by the open circuit.");

    private readonly ICacheStore _inner;
    private readonly ResiliencePipeline _pipeline;

    public ResilientCacheStore(ICacheStore inner, IOptions<CacheStoreOptions> options, ILogger<ResilientCacheStore> logger)
    {
        _inner = inner;
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                OnOpened = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Cache circuit opened for {Seconds} s: answering from the database", args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Cache circuit closed: the cache answers again");
                    return default;
                },
            })
            .AddTimeout(options.Value.Timeout)
            .Build();
    }

    public async Task<object?> GetAsync(string key, Type type, CancellationToken cancellationToken)
    {
        var value = await Guard(ct => new ValueTask<object?>(_inner.GetAsync(key, type, ct)), cancellationToken);
        Lookups.Add(1, new KeyValuePair<string, object?>("result", value is null ? "miss" : "hit"));
        return value;
    }

    public Task SetAsync(string key, object value, Type type, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        Guard(async ct =>
        {
            await _inner.SetAsync(key, value, type, timeToLive, ct);
            return true;
        }, cancellationToken).AsTask();

    public Task<long> GetTagVersionAsync(string tag, CancellationToken cancellationToken) =>
        Guard(ct => new ValueTask<long>(_inner.GetTagVersionAsync(tag, ct)), cancellationToken).AsTask();

    public Task InvalidateTagAsync(string tag, CancellationToken cancellationToken) =>
        Guard(async ct =>
        {
            await _inner.InvalidateTagAsync(tag, ct);
            return true;
        }, cancellationToken).AsTask();

    private async ValueTask<T> Guard<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(call, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Failures.Add(1);
            throw;
        }
    }
}
