using Crm.Application.Common.Email;
using Crm.Infrastructure.Email;
using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// Deletes sessions, refresh tokens, password-reset tokens and invitations once they are expired, used or revoked
/// for longer than the grace period, and removes the one-time links from the bodies of sent or failed emails: the
/// outbox is the only place a live token is ever stored readable, and only until it is delivered. Batches keep each
/// transaction short; an advisory lock lets one instance purge at a time.
/// </summary>
public sealed class TokenPurgeJob(
    NpgsqlDataSource dataSource, IOptions<TokenPurgeOptions> options, TimeProvider time, ILogger<TokenPurgeJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{

    /// <summary>What a scrubbed body says instead of the link it held.</summary>
    public const string ScrubbedBody = "This message held a one-time link; it was removed after delivery.";

    /// <summary>Each statement deletes or scrubs one batch of rows; $1 is the cutoff, $2 the batch size.</summary>
    private static readonly string[] Statements =
    [
        // Refresh tokens stay while their session may still see them replayed; they go with it or when expired.
        """
        DELETE FROM refresh_tokens WHERE id IN (
          SELECT t.id FROM refresh_tokens t JOIN user_sessions s ON s.id = t.session_id
          WHERE t.expires_at < $1 OR s.expires_at < $1 OR s.revoked_at < $1 LIMIT $2)
        """,
        """
        DELETE FROM user_sessions WHERE id IN (
          SELECT s.id FROM user_sessions s
          WHERE (s.expires_at < $1 OR s.revoked_at < $1)
            AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.id) LIMIT $2)
        """,
        "DELETE FROM password_reset_tokens WHERE id IN (SELECT id FROM password_reset_tokens WHERE expires_at < $1 OR used_at < $1 LIMIT $2)",
        "DELETE FROM invitations WHERE id IN (SELECT id FROM invitations WHERE expires_at < $1 OR accepted_at < $1 OR declined_at < $1 OR revoked_at < $1 LIMIT $2)",
        "DELETE FROM two_factor_challenges WHERE id IN (SELECT id FROM two_factor_challenges WHERE expires_at < $1 LIMIT $2)",
    ];

    public override string Name => "Token purge";

    protected override long LockKey => 0x43524D2D544F4B4E; // "CRM-TOKN"

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var cutoff = UtcNow - options.Value.GracePeriod;
        long total = 0;
        foreach (var statement in Statements)
        {
            total += await InBatchesAsync(connection, statement, [cutoff, options.Value.BatchSize], cancellationToken);
        }

        // Links die at delivery (or final failure): nothing waits for a grace period there.
        total += await InBatchesAsync(
            connection,
            """
            UPDATE outbox_messages SET html_body = $3, text_body = $3 WHERE id IN (
              SELECT id FROM outbox_messages
              WHERE status IN ('sent', 'failed') AND template = ANY($1) AND text_body <> $3 LIMIT $2)
            """,
            [new[] { EmailOutbox.Name(EmailTemplate.Invitation), EmailOutbox.Name(EmailTemplate.PasswordReset), EmailOutbox.Name(EmailTemplate.EmailVerification) }, options.Value.BatchSize, ScrubbedBody],
            cancellationToken);
        return total;
    }

    private async Task<long> InBatchesAsync(NpgsqlConnection connection, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            var changed = await command.ExecuteNonQueryAsync(cancellationToken);
            total += changed;
            if (changed < options.Value.BatchSize)
            {
                return total;
            }
        }
    }
}
