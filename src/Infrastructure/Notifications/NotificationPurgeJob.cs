using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Notifications;

/// <summary>
/// Deletes notifications older than <see cref="NotificationOptions.Retention"/> (90 days) and reminder days long past,
/// in batches, one instance at a time (like the other purges).
/// </summary>
public sealed class NotificationPurgeJob(
    NpgsqlDataSource dataSource, IOptionsMonitor<NotificationOptions> options, TimeProvider time, ILogger<NotificationPurgeJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{
    private const int BatchSize = 5000;

    private const string DeleteSql =
        "DELETE FROM notifications WHERE ctid = ANY(ARRAY(SELECT ctid FROM notifications WHERE created_at < $1 LIMIT $2))";

    private const string DeleteRunsSql = "DELETE FROM task_reminder_runs WHERE ran_at < $1";

    public override string Name => "Notification purge";

    protected override long LockKey => 0x43524D2D4E4F5446; // "CRM-NOTF"

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var before = UtcNow - options.CurrentValue.Retention;
        long total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(DeleteSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = before });
            command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                break;
            }
        }

        await using var runs = new NpgsqlCommand(DeleteRunsSql, connection);
        runs.Parameters.Add(new NpgsqlParameter { Value = before });
        return total + await runs.ExecuteNonQueryAsync(cancellationToken);
    }
}
