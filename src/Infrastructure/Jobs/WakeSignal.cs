using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Jobs;

/// <summary>
/// Wakes this instance's background worker when work it should do at once has committed here, instead of at its next
/// poll; other instances find the work by polling.
/// </summary>
internal abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        // Only Wake releases, always under the lock, so the count never passes its maximum of one.
        lock (_signal)
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    /// <summary>Waits for a wake-up or until <paramref name="timeout"/> has passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// Runs <paramref name="runNext"/> while it finds work, then waits for a wake-up or the poll interval, until stopped;
    /// a failed round is logged and the next round tries again.
    /// </summary>
    public async Task RunUntilStoppedAsync(
        Func<CancellationToken, Task<bool>> runNext, Func<TimeSpan> pollInterval, ILogger logger, string worker, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await runNext(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The {Worker} failed; it tries again at its next round", worker);
            }

            await WaitAsync(pollInterval(), stoppingToken);
        }
    }
}
