using Crm.Domain.Common;

namespace Crm.Application.Activities.Common;

/// <summary>
/// Timestamps for the timeline entries of one request, strictly increasing, so that entries written by the
/// same change (status, then stage, then fields) keep their order when the timeline is read newest first.
/// </summary>
public sealed class TimelineClock(TimeProvider time)
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(10);
    private DateTime _last = DateTime.MinValue;

    public DateTime Next()
    {
        var now = time.UtcNow();
        _last = now > _last ? now : _last + Tick;
        return _last;
    }
}
