using Crm.Application.Exports.Common;

namespace Crm.Infrastructure.Exports;

/// <summary>Wakes this instance's runner when an export queued here has committed; other instances find it by polling.</summary>
internal sealed class ExportSignal : IExportSignal
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

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
