using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency keys and their answers once they expire, in batches, one instance at a time (like the token
/// purge). An expired key is already free to claim again; the purge only keeps the table small.
/// </summary>
public sealed class IdempotencyKeyPurgeJob(
    NpgsqlDataSource dataSource, IOptions<IdempotencyOptions> options, TimeProvider time, ILogger<IdempotencyKeyPurgeJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{
    private const string DeleteSql =
        "DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(SELECT ctid FROM idempotency_keys WHERE expires_at < $1 LIMIT $2))";

    public override string Name => "Idempotency key purge";

    protected override long LockKey => 0x43524D2D49444D50; // "CRM-IDMP"

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(DeleteSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = UtcNow });
            command.Parameters.Add(new NpgsqlParameter { Value = options.Value.PurgeBatchSize });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < options.Value.PurgeBatchSize)
            {
                return total;
            }
        }
    }
}
