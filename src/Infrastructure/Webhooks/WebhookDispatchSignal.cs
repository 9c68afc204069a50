namespace Crm.Infrastructure.Webhooks;

/// <summary>
/// Wakes this instance's dispatcher when a change that scheduled deliveries has committed here, so that they leave at
/// once instead of at the next poll; other instances' dispatchers find them by polling.
/// </summary>
internal sealed class WebhookDispatchSignal
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
}
