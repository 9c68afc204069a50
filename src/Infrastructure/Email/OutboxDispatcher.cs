using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Crm.Infrastructure.Email;

/// <summary>
/// Sends the outbox: claims due messages, sends each through a Polly retry (exponential backoff with jitter, up to
/// <see cref="EmailOptions.MaxAttempts"/> tries), then marks it sent, or failed with the last error. Every try is
/// recorded as it happens, so a restart loses nothing and a message sent is never sent again on a normal restart.
/// </summary>
public sealed class OutboxDispatcher(
    IOutboxStore store, IEmailSender transport, IOptions<EmailOptions> options, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, options.Value.MaxAttempts - 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Value.RetryDelay,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            OnRetry = async args =>
            {
                var id = args.Context.Properties.GetValue(MessageId, Guid.Empty);
                logger.LogWarning(args.Outcome.Exception, "Email {MessageId} could not be sent (attempt {Attempt}); retrying", id, args.AttemptNumber + 1);
                await store.RecordFailedAttemptAsync(id, Describe(args.Outcome.Exception), options.Value.Lease, CancellationToken.None);
            },
        })
        .Build();

    private static readonly ResiliencePropertyKey<Guid> MessageId = new("crm.outbox.message");

    /// <summary>Sends what is due now; answers how many messages were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var email in await store.ClaimDueAsync(options.Value.BatchSize, options.Value.Lease, cancellationToken))
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(MessageId, email.Id);
            try
            {
                await _retry.ExecuteAsync(async ctx => await transport.SendAsync(email, ctx.CancellationToken), context);
                await store.MarkSentAsync(email.Id, CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Email {MessageId} failed after {Attempts} attempts", email.Id, options.Value.MaxAttempts);
                await store.MarkFailedAsync(email.Id, Describe(ex), CancellationToken.None);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox dispatcher failed; it tries again at its next round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static string Describe(Exception? ex) => ex is null ? "unknown error" : $"{ex.GetType().Name}: {ex.Message}";
}
