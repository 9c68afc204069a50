namespace Crm.Infrastructure.Email;

/// <summary>The dispatcher's view of the outbox: claim due messages, then record each one's outcome.</summary>
public interface IOutboxStore
{
    /// <summary>Reserves up to <paramref name="count"/> due messages for <paramref name="lease"/>; others skip them.</summary>
    Task<IReadOnlyList<EmailEnvelope>> ClaimDueAsync(int count, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkSentAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A try failed and another will follow: counts it, keeps the error, and extends the reservation.</summary>
    Task RecordFailedAttemptAsync(Guid id, string error, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The last try failed: the message is given up with its last error.</summary>
    Task MarkFailedAsync(Guid id, string error, CancellationToken cancellationToken);
}
