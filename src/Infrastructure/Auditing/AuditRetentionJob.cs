using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Auditing;

/// <summary>
/// Purges audit entries past the retention period, in batches. The only delete path of the append-only table:
/// each batch's transaction sets <c>crm.audit_purge</c>, which the table's trigger requires. An advisory lock lets
/// one instance purge at a time; the others skip that round.
/// </summary>
public sealed class AuditRetentionJob(
    NpgsqlDataSource dataSource, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetentionJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{
    public override string Name => "Audit retention";

    protected override long LockKey => 0x43524D2D41554449; // "CRM-AUDI"

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var cutoff = UtcNow - options.Value.Retention;
        long total = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var allow = new NpgsqlCommand("SET LOCAL crm.audit_purge = 'on'", connection, transaction))
            {
                await allow.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var purge = new NpgsqlCommand(
                "DELETE FROM audit_logs WHERE id IN (SELECT id FROM audit_logs WHERE created_at < $1 LIMIT $2)",
                connection,
                transaction);
            purge.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            purge.Parameters.Add(new NpgsqlParameter { Value = options.Value.PurgeBatchSize });
            var deleted = await purge.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += deleted;
            if (deleted < options.Value.PurgeBatchSize)
            {
                return total;
            }
        }
    }
}
