using System.Diagnostics;
using System.Net;
using Crm.Application.Common.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Webhooks;

/// <summary>
/// Sends due deliveries, on every instance. A 2xx answer delivers; network errors, timeouts, 408, 429 and 5xx are
/// retried with exponential backoff and jitter (429 and 503 after their Retry-After) until
/// <see cref="WebhookOptions.RetryFor"/> has passed since the event; any other answer fails the delivery at once, and
/// 410 Gone also turns the webhook off, as does failing without a success for <see cref="WebhookOptions.RetryFor"/>.
/// </summary>
internal sealed class WebhookDispatcher(
    WebhookDeliveryStore store,
    WebhookSender sender,
    FailingWebhookDeactivator deactivator,
    WebhookDispatchSignal signal,
    ISecretProtector protector,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const string GoneReason = "The endpoint answered 410 Gone.";

    /// <summary>Sends what is due now; answers how many deliveries were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var claimed = await store.ClaimDueAsync(settings.BatchSize, settings.Lease, cancellationToken);
        await Parallel.ForEachAsync(
            claimed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (delivery, ct) => await DeliverAsync(delivery, ct));
        return claimed.Count;
    }

    private async Task DeliverAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!delivery.Active)
        {
            await store.FailedAsync(delivery.Id, new DeliveryAttempt(null, 0, "The webhook is turned off.", null), null, CancellationToken.None);
            return;
        }

        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        List<byte[]> keys = [protector.Unprotect(delivery.Secret, delivery.WebhookId)];
        if (delivery.PreviousSecret is { } previous && delivery.PreviousSecretExpiresAt > now.UtcDateTime)
        {
            keys.Add(protector.Unprotect(previous, delivery.WebhookId));
        }

        var signature = WebhookSignature.Sign(keys, timestamp, delivery.Payload);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var (status, body, retryAfter) = await sender.SendAsync(
                delivery.Url, delivery.EventId, delivery.EventType, delivery.Payload, signature, timestamp, cancellationToken);
            var attempt = new DeliveryAttempt(status, WebhookSender.Elapsed(start), status is >= 200 and < 300 ? null : $"HTTP {status}", body);
            if (status is >= 200 and < 300)
            {
                await store.SucceededAsync(delivery.Id, attempt, CancellationToken.None);
                await store.HealthyAsync(delivery.WebhookId, CancellationToken.None);
                return;
            }
            else if (status == (int)HttpStatusCode.Gone)
            {
                await store.FailedAsync(delivery.Id, attempt, null, CancellationToken.None);
                await store.DeactivateAsync(delivery.WebhookId, GoneReason, CancellationToken.None);
                return;
            }
            else if (status is 408 or 429 or >= 500)
            {
                await store.FailedAsync(delivery.Id, attempt, RetryAt(delivery, settings, status is 429 or 503 ? retryAfter : null), CancellationToken.None);
            }
            else
            {
                await store.FailedAsync(delivery.Id, attempt, null, CancellationToken.None);
            }
        }
        catch (WebhookTargetRefusedException refused)
        {
            await store.FailedAsync(delivery.Id, new DeliveryAttempt(null, WebhookSender.Elapsed(start), refused.Error.Code, null), null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A refusal found while connecting arrives wrapped by the handler.
            if (ex.InnerException is WebhookTargetRefusedException inner)
            {
                await store.FailedAsync(delivery.Id, new DeliveryAttempt(null, WebhookSender.Elapsed(start), inner.Error.Code, null), null, CancellationToken.None);
            }
            else
            {
                var error = ex is OperationCanceledException ? "Timed out." : $"{ex.GetType().Name}: {ex.Message}";
                logger.LogInformation("Webhook delivery {DeliveryId} failed: {Error}", delivery.Id, error);
                await store.FailedAsync(delivery.Id, new DeliveryAttempt(null, WebhookSender.Elapsed(start), error, null), RetryAt(delivery, settings, null), CancellationToken.None);
            }
        }

        // Every failure but 410 (which turned the webhook off already) leads here: one failing for the whole retry period
        // is turned off.
        if (await store.FailingAsync(delivery.WebhookId, settings.RetryFor, CancellationToken.None))
        {
            await deactivator.DeactivateAsync(delivery.WebhookId, settings.RetryFor, CancellationToken.None);
        }
    }

    /// <summary>
    /// When to try again: the first retry after <see cref="WebhookOptions.FirstRetryDelay"/>, each next one twice as
    /// late (at most <see cref="WebhookOptions.MaxRetryDelay"/>), spread by ±50% jitter so that a receiver coming back
    /// is not hit by every delivery at once; or the receiver's Retry-After. Null once the retry period is over.
    /// </summary>
    public DateTime? RetryAt(ClaimedDelivery delivery, WebhookOptions settings, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(delivery.Attempts, 30);
        var backoff = Math.Min(settings.FirstRetryDelay.TotalSeconds * Math.Pow(2, exponent), settings.MaxRetryDelay.TotalSeconds);
        var delay = retryAfter is { } wanted && wanted > TimeSpan.Zero
            ? TimeSpan.FromSeconds(Math.Min(wanted.TotalSeconds, settings.MaxRetryDelay.TotalSeconds))
            : TimeSpan.FromSeconds(backoff * (0.5 + Random.Shared.NextDouble()));
        var at = time.GetUtcNow().UtcDateTime + delay;
        return at <= DateTime.SpecifyKind(delivery.CreatedAt, DateTimeKind.Utc) + settings.RetryFor ? at : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Dispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The webhook dispatcher failed; it tries again at its next round");
            }

            await signal.WaitAsync(options.CurrentValue.PollInterval, stoppingToken);
        }
    }
}
