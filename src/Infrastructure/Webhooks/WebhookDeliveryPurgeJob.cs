using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Webhooks;

/// <summary>
/// Deletes deliveries older than <see cref="WebhookOptions.Retention"/> once they are settled, in batches, one instance
/// at a time (like the other purges). A delivery still being retried is kept whatever its age.
/// </summary>
public sealed class WebhookDeliveryPurgeJob(
    NpgsqlDataSource dataSource, IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliveryPurgeJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{
    private const int BatchSize = 5000;

    private const string DeleteSql =
        """
        DELETE FROM webhook_deliveries WHERE ctid = ANY(ARRAY(
          SELECT ctid FROM webhook_deliveries WHERE created_at < $1 AND status IN ('succeeded', 'failed') LIMIT $2))
        """;

    public override string Name => "Webhook delivery purge";

    protected override long LockKey => 0x43524D2D57484B44; // "CRM-WHKD"

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(DeleteSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = UtcNow - options.CurrentValue.Retention });
            command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}
