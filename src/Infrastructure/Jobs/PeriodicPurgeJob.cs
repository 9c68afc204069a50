using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Infrastructure.Jobs;

/// <summary>
/// A purge that every instance runs on a timer: a PostgreSQL advisory lock lets one instance purge at a time (the
/// others skip that round), failures are logged and kept for the readiness report, never thrown out of the host.
/// </summary>
public abstract class PeriodicPurgeJob(NpgsqlDataSource dataSource, TimeProvider time, ILogger logger) : BackgroundService
{
    public JobStatus Status { get; } = new();

    /// <summary>What the job is called in logs and in the readiness report.</summary>
    public abstract string Name { get; }

    protected abstract long LockKey { get; }

    protected abstract TimeSpan Interval { get; }

    protected DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>Purges once; answers how many rows it changed (0 when another instance holds the lock).</summary>
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
            return await PurgeLockedAsync(connection, cancellationToken);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    /// <summary>One round of the purge, on a connection that holds the job's lock.</summary>
    protected abstract Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                Status.Succeeded(UtcNow);
                if (purged > 0)
                {
                    logger.LogInformation("{Job} purged {Count} rows", Name, purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Status.Failed(ex.Message);
                logger.LogError(ex, "{Job} failed", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
