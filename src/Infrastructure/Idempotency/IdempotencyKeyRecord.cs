namespace Crm.Infrastructure.Idempotency;

/// <summary>
/// A claimed idempotency key and, once its request has been answered, the answer (encrypted: answers can hold
/// secrets shown once). Read and written in SQL by <see cref="IdempotencyStore"/>; in the model so that the
/// migrations create its table.
/// </summary>
internal sealed class IdempotencyKeyRecord
{
    private IdempotencyKeyRecord()
    {
    }

    /// <summary>Who sent the key: the signed-in user (keys of different callers never meet).</summary>
    public Guid CallerId { get; private set; }

    /// <summary>The organization the request acted in; <see cref="Guid.Empty"/> for requests outside one.</summary>
    public Guid OrganizationId { get; private set; }

    public string Key { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the request's method, path and body: a repeat must be the same request.</summary>
    public byte[] Fingerprint { get; private set; } = [];

    /// <summary>Which run holds the key, so that only it records or releases it.</summary>
    public Guid ClaimId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>Until when the running request holds the key; after that a repeat may take it over (a lost instance).</summary>
    public DateTime? LockedUntil { get; private set; }

    /// <summary>The answer's status; null while the request runs.</summary>
    public int? StatusCode { get; private set; }

    public byte[]? Response { get; private set; }
}
