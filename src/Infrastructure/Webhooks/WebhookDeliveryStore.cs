using Crm.Infrastructure.Jobs;
using Npgsql;

namespace Crm.Infrastructure.Webhooks;

/// <summary>A claimed delivery with what is needed to send it.</summary>
internal sealed record ClaimedDelivery(
    Guid Id, Guid WebhookId, Guid EventId, string EventType, string Payload, int Attempts, DateTime CreatedAt,
    string Url, bool Active, byte[] Secret, byte[]? PreviousSecret, DateTime? PreviousSecretExpiresAt);

/// <summary>What one attempt came to.</summary>
internal sealed record DeliveryAttempt(int? StatusCode, int DurationMs, string? Error, string? ResponseBody);

/// <summary>
/// The deliveries in PostgreSQL. Claims use FOR UPDATE SKIP LOCKED and a lease: dispatchers on several instances never
/// take the same delivery, and one whose dispatcher stopped mid-send is taken again once its lease runs out. A record's
/// delivery waits while an earlier one of the same record to the same webhook is unsent, so order holds.
/// </summary>
internal sealed class WebhookDeliveryStore(NpgsqlDataSource dataSource, LeaseLedger leases)
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH claimed AS (
              UPDATE webhook_deliveries SET status = 'sending', locked_until = now() + $2
               WHERE id IN (SELECT d.id FROM webhook_deliveries d
                             WHERE (d.status = 'pending' OR (d.status = 'sending' AND d.locked_until < now()))
                               AND d.next_attempt_at <= now()
                               AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                                WHERE e.webhook_id = d.webhook_id AND e.record_id = d.record_id
                                                  AND e.sequence < d.sequence AND e.status IN ('pending', 'sending'))
                             ORDER BY d.next_attempt_at, d.sequence
                             LIMIT $1
                             FOR UPDATE SKIP LOCKED)
              RETURNING id, webhook_id, event_id, event_type, payload, attempts, created_at)
            SELECT c.id, c.webhook_id, c.event_id, c.event_type, c.payload, c.attempts, c.created_at,
                   w.url, w.active, w.secret, w.previous_secret, w.previous_secret_expires_at
              FROM claimed c JOIN webhooks w ON w.id = c.webhook_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.Parameters.Add(new NpgsqlParameter { Value = lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetDateTime(6), reader.GetString(7), reader.GetBoolean(8), (byte[])reader[9],
                reader.IsDBNull(10) ? null : (byte[])reader[10], reader.IsDBNull(11) ? null : reader.GetDateTime(11)));
            leases.Hold(LeasedWork.WebhookDelivery, reader.GetGuid(0));
        }

        return claimed;
    }

    public async Task SucceededAsync(Guid id, DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
        """
        UPDATE webhook_deliveries SET status = 'succeeded', attempts = attempts + 1, last_attempt_at = now(), delivered_at = now(),
               last_status_code = $2, last_duration_ms = $3, last_error = NULL, last_response_body = $4, locked_until = NULL
         WHERE id = $1
        """,
        cancellationToken, id, (object?)attempt.StatusCode, attempt.DurationMs, (object?)attempt.ResponseBody);
        leases.Let(LeasedWork.WebhookDelivery, id);
    }

    /// <summary>Records a failed attempt: another at <paramref name="retryAt"/>, or none (the delivery failed) when null.</summary>
    public async Task FailedAsync(Guid id, DeliveryAttempt attempt, DateTime? retryAt, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
        """
        UPDATE webhook_deliveries SET status = CASE WHEN $5::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
               next_attempt_at = COALESCE($5::timestamptz, next_attempt_at),
               attempts = attempts + 1, last_attempt_at = now(), last_status_code = $2, last_duration_ms = $3,
               last_error = $6, last_response_body = $4, locked_until = NULL
         WHERE id = $1
        """,
        cancellationToken, id, (object?)attempt.StatusCode, attempt.DurationMs, (object?)attempt.ResponseBody, (object?)retryAt,
        (object?)attempt.Error?[..Math.Min(attempt.Error.Length, 500)]);
        leases.Let(LeasedWork.WebhookDelivery, id);
    }

    /// <summary>A delivery succeeded: the webhook is no longer failing.</summary>
    public Task HealthyAsync(Guid webhookId, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE webhooks SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL",
        cancellationToken, webhookId);

    /// <summary>
    /// An attempt failed: the webhook is failing from now unless it was already. Answers whether it has been failing for
    /// at least <paramref name="failingFor"/> (and is still on). Writes the webhook's row only when it starts failing.
    /// </summary>
    public async Task<bool> FailingAsync(Guid webhookId, TimeSpan failingFor, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH started AS (UPDATE webhooks SET failing_since = now() WHERE id = $1 AND active AND failing_since IS NULL)
            SELECT COALESCE(bool_or(failing_since <= now() - $2), false) FROM webhooks WHERE id = $1 AND active
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        command.Parameters.Add(new NpgsqlParameter { Value = failingFor });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The service turns a webhook off; what was still on its way to it fails.</summary>
    public Task DeactivateAsync(Guid webhookId, string reason, CancellationToken cancellationToken) => ExecuteAsync(
        """
        WITH off AS (
          UPDATE webhooks SET active = false, deactivated_at = now(), deactivation_reason = $2, updated_at = now()
           WHERE id = $1 AND active)
        UPDATE webhook_deliveries SET status = 'failed', last_error = $2, locked_until = NULL
         WHERE webhook_id = $1 AND status = 'pending'
        """,
        cancellationToken, webhookId, reason);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
