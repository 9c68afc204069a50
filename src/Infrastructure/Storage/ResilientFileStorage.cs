using Amazon.Runtime;
using Crm.Application.Common.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Crm.Infrastructure.Storage;

/// <summary>
/// Guards every storage call with a timeout and retries on transient failures (I/O, timeouts, server errors,
/// throttling), rewinding an upload's content before each new try.
/// </summary>
internal sealed class ResilientFileStorage(IFileStorage inner, IOptions<StorageOptions> options, ILogger<ResilientFileStorage> logger)
    : IFileStorage
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "A storage call failed (attempt {Attempt}); retrying", args.AttemptNumber + 1);
                return default;
            },
        })
        .AddTimeout(options.Value.Timeout)
        .Build();

    public Task SaveAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            async ct =>
            {
                content.Position = 0;
                await inner.SaveAsync(key, content, length, contentType, ct);
            },
            cancellationToken).AsTask();

    public Task<FileContent> OpenAsync(string key, string fileName, string contentType, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async ct => await inner.OpenAsync(key, fileName, contentType, ct), cancellationToken).AsTask();

    public Task<Stream> ReadAsync(string key, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async ct => await inner.ReadAsync(key, ct), cancellationToken).AsTask();

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async ct => await inner.DeleteAsync(key, ct), cancellationToken).AsTask();

    private static bool IsTransient(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => false,
        IOException or HttpRequestException or Polly.Timeout.TimeoutRejectedException => true,
        AmazonServiceException service => (int)service.StatusCode >= 500 || (int)service.StatusCode == 429,
        _ => false,
    };
}
