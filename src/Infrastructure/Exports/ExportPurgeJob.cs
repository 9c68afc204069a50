using Crm.Application.Common.Files;
using Crm.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// Removes export files once they expire (24 hours after they were written) from the attachment storage, and forgets
/// exports after <see cref="Retention"/>, one instance at a time (like the other purges).
/// </summary>
public sealed class ExportPurgeJob(NpgsqlDataSource dataSource, IFileStorage files, TimeProvider time, ILogger<ExportPurgeJob> logger)
    : PeriodicPurgeJob(dataSource, time, logger)
{
    /// <summary>How long an export's record stays listed after it was created.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private const int BatchSize = 500;

    public override string Name => "Export purge";

    protected override long LockKey => 0x43524D2D45585054; // "CRM-EXPT"

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task<long> PurgeLockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var expired = new List<(Guid Id, string Key)>();
            await using (var select = new NpgsqlCommand(
                             "SELECT id, file_key FROM export_jobs WHERE file_key IS NOT NULL AND expires_at <= $1 ORDER BY expires_at LIMIT $2", connection))
            {
                select.Parameters.Add(new NpgsqlParameter { Value = UtcNow });
                select.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    expired.Add((reader.GetGuid(0), reader.GetString(1)));
                }
            }

            foreach (var (id, key) in expired)
            {
                // The file first: a crash between the two leaves a key whose file is gone, which the next round
                // deletes again harmlessly, never a file that no record points to.
                await files.DeleteAsync(key, cancellationToken);
                await using var forget = new NpgsqlCommand("UPDATE export_jobs SET file_key = NULL WHERE id = $1", connection);
                forget.Parameters.Add(new NpgsqlParameter { Value = id });
                total += await forget.ExecuteNonQueryAsync(cancellationToken);
            }

            if (expired.Count < BatchSize)
            {
                break;
            }
        }

        await using var delete = new NpgsqlCommand(
            "DELETE FROM export_jobs WHERE created_at < $1 AND file_key IS NULL AND status IN ('succeeded', 'failed')", connection);
        delete.Parameters.Add(new NpgsqlParameter { Value = UtcNow - Retention });
        return total + await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
