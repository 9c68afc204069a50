using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Changes;

/// <summary>
/// Deletes change-feed rows past the retention period, in batches and in feed order, and moves each organization's
/// purge mark (per record type) to the last position it deleted in the same statement, so that a cursor behind the mark
/// is told its unread changes are gone (410) rather than silently skipping them. An advisory lock lets one instance purge at a time.
/// </summary>
public sealed class ChangeFeedRetentionJob(
    NpgsqlDataSource dataSource, IOptions<ChangeFeedOptions> options, TimeProvider time, ILogger<ChangeFeedRetentionJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{
    // A batch takes the oldest rows past the cutoff, then deletes, per organization and type, every row up to the
    // furthest of them in feed order (transaction, sequence): a row whose transaction began before another's can
    // carry the earlier time yet the later position, and no row is ever left behind a mark, so a reader that starts
    // after a purge never meets a row below one. Each mark moves to the furthest row deleted.
    private const string PurgeBatch = """
        WITH picked AS (
          SELECT organization_id, record_type, transaction_id, sequence FROM record_changes
          WHERE changed_at < $1 ORDER BY changed_at LIMIT $2),
        last AS (
          SELECT DISTINCT ON (organization_id, record_type) organization_id, record_type, transaction_id, sequence
          FROM picked ORDER BY organization_id, record_type, transaction_id DESC, sequence DESC),
        gone AS (
          DELETE FROM record_changes c USING last l
          WHERE c.organization_id = l.organization_id AND c.record_type = l.record_type
            AND (c.transaction_id, c.sequence) <= (l.transaction_id, l.sequence)
          RETURNING c.sequence),
        marked AS (
          INSERT INTO change_feed_purge_marks (organization_id, record_type, transaction_id, sequence)
          SELECT organization_id, record_type, transaction_id, sequence FROM last
          ON CONFLICT (organization_id, record_type) DO UPDATE
            SET transaction_id = excluded.transaction_id, sequence = excluded.sequence
            WHERE (excluded.transaction_id, excluded.sequence)
              > (change_feed_purge_marks.transaction_id, change_feed_purge_marks.sequence))
        SELECT count(*) FROM gone
        """;

    public override string Name => "Change feed retention";

    protected override long LockKey => 0x43524D2D43484E47; // "CRM-CHNG"

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var cutoff = UtcNow - options.Value.Retention;
        long total = 0;
        while (true)
        {
            await using var purge = new NpgsqlCommand(PurgeBatch, connection);
            purge.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            purge.Parameters.Add(new NpgsqlParameter { Value = options.Value.PurgeBatchSize });
            var deleted = (long)(await purge.ExecuteScalarAsync(cancellationToken))!;
            total += deleted;
            if (deleted < options.Value.PurgeBatchSize)
            {
                return total;
            }
        }
    }
}
