using Crm.Infrastructure.Jobs;
using Npgsql;

namespace Crm.Infrastructure.Email;

/// <summary>
/// The outbox in PostgreSQL. Claims use FOR UPDATE SKIP LOCKED and a lease: several dispatchers (one per
/// instance) never take the same message, and a message whose dispatcher stopped mid-send is taken again once its
/// lease runs out, so nothing is lost.
/// </summary>
internal sealed class PostgresOutboxStore(NpgsqlDataSource dataSource, LeaseLedger leases) : IOutboxStore
{
    public async Task<IReadOnlyList<EmailEnvelope>> ClaimDueAsync(int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE outbox_messages SET status = 'sending', locked_until = now() + $2
             WHERE id IN (SELECT id FROM outbox_messages
                           WHERE (status = 'pending' OR (status = 'sending' AND locked_until < now())) AND next_attempt_at <= now()
                           ORDER BY next_attempt_at
                           LIMIT $1
                           FOR UPDATE SKIP LOCKED)
            RETURNING id, recipient, subject, html_body, text_body, attempts
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.Parameters.Add(new NpgsqlParameter { Value = lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<EmailEnvelope>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new EmailEnvelope(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
            leases.Hold(LeasedWork.Email, reader.GetGuid(0));
        }

        return claimed;
    }

    public async Task MarkSentAsync(Guid id, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "UPDATE outbox_messages SET status = 'sent', attempts = attempts + 1, sent_at = now(), locked_until = NULL WHERE id = $1",
            cancellationToken, id);
        leases.Let(LeasedWork.Email, id);
    }

    public Task RecordFailedAttemptAsync(Guid id, string error, TimeSpan lease, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, locked_until = now() + $3 WHERE id = $1",
        cancellationToken, id, error, lease);

    public async Task MarkFailedAsync(Guid id, string error, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "UPDATE outbox_messages SET status = 'failed', attempts = attempts + 1, last_error = $2, locked_until = NULL WHERE id = $1",
            cancellationToken, id, error);
        leases.Let(LeasedWork.Email, id);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
