using Crm.Application.Common.Files;
using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Forgets finished imports (succeeded, failed or reverted) <see cref="Retention"/> after they finished: the job, with
/// its failed rows and its record of what it wrote (so it can no longer be reverted, which it could not anyway after
/// <see cref="Domain.Imports.ImportJob.RevertWindow"/>), and its file if one was left behind; in batches, one instance
/// at a time (like the other purges). The records an import wrote stay.
/// </summary>
public sealed class ImportPurgeJob(NpgsqlDataSource dataSource, IFileStorage files, TimeProvider time, ILogger<ImportPurgeJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{
    /// <summary>How long a finished import stays listed, with its errors file.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Jobs per statement: their rows of errors and records go with them (a large import has many).</summary>
    private const int BatchSize = 50;

    public override string Name => "Import purge";

    protected override long LockKey => 0x43524D2D494D5054; // "CRM-IMPT"

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var old = new List<(Guid Id, string Key)>();
            await using (var select = new NpgsqlCommand(
                             """
                             SELECT id, file_key FROM import_jobs
                              WHERE status IN ('succeeded', 'failed', 'reverted') AND coalesce(finished_at, created_at) < $1
                              ORDER BY created_at LIMIT $2
                             """, connection))
            {
                select.Parameters.Add(new NpgsqlParameter { Value = UtcNow - Retention });
                select.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    old.Add((reader.GetGuid(0), reader.GetString(1)));
                }
            }

            if (old.Count == 0)
            {
                break;
            }

            // The file first (normally gone when the import finished): a crash between the two leaves a job whose
            // file is gone, which the next round deletes again harmlessly.
            foreach (var (_, key) in old)
            {
                await files.DeleteAsync(key, cancellationToken);
            }

            await using var delete = new NpgsqlCommand("DELETE FROM import_jobs WHERE id = ANY($1)", connection);
            delete.Parameters.Add(new NpgsqlParameter { Value = old.Select(o => o.Id).ToArray() });
            total += await delete.ExecuteNonQueryAsync(cancellationToken);
            if (old.Count < BatchSize)
            {
                break;
            }
        }

        return total;
    }
}
