using Microsoft.Extensions.Hosting;
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
    : BackgroundService
{
    private const long LockKey = 0x43524D2D41554449; // "CRM-AUDI"

    public JobStatus Status { get; } = new();

    /// <summary>Purges once; answers how many entries it deleted (0 when another instance holds the lock).</summary>
    public async Task<long> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
        {
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }

        try
        {
            var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Retention;
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
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        do
        {
            try
            {
                var deleted = await PurgeAsync(stoppingToken);
                Status.Succeeded(time.GetUtcNow().UtcDateTime);
                if (deleted > 0)
                {
                    logger.LogInformation("Purged {Count} audit entries past retention", deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Status.Failed(ex.Message);
                logger.LogError(ex, "The audit retention job failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
