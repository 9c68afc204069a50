namespace Crm.Infrastructure.Notifications.Live;

/// <summary>One event stream's wake-up: signalled when notifications of its person may have been stored.</summary>
public sealed class FeedSubscription(Guid userId)
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public Guid UserId { get; } = userId;

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

    /// <summary>Waits for a wake-up (true) or until <paramref name="timeout"/> has passed (false).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
