using System.Threading.Channels;
using Crm.Application.Auth.Common;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// The in-process queue of forgot-password requests, bounded so that a flood costs memory only up to
/// <see cref="Capacity"/>; <see cref="PasswordResetWorker"/> works through it. A request arriving while it is full is
/// dropped, whatever the address (the per-address and per-email limits make that rare). Requests still queued when
/// the process stops are lost: the person asks again.
/// </summary>
public sealed class PasswordResetQueue(ILogger<PasswordResetQueue> logger) : IPasswordResetRequests
{
    public const int Capacity = 1_000;

    private readonly Channel<PasswordResetRequest> _channel = Channel.CreateBounded<PasswordResetRequest>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private int _pending;

    /// <summary>Requests queued or being worked on.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public ChannelReader<PasswordResetRequest> Reader => _channel.Reader;

    public void Enqueue(PasswordResetRequest request)
    {
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref _pending);
            logger.LogWarning("The password reset queue is full; a request was dropped");
        }
    }

    /// <summary>One request has been worked on.</summary>
    public void Done() => Interlocked.Decrement(ref _pending);
}
