using Crm.Infrastructure.Jobs;
using System.Text.Json;
using Crm.Domain.Auditing;
using Crm.Domain.Imports;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// The runners' side of <c>import_jobs</c>: claims with a lease (FOR UPDATE SKIP LOCKED, so two instances never take the
/// same import; a lapsed lease lets another resume a dead runner's after its last committed chunk), and the outcome.
/// Progress is committed by the chunks themselves (<see cref="ContactImportChunk"/>), in their own transactions.
/// </summary>
internal sealed class ImportJobStore(NpgsqlDataSource dataSource, IOptionsMonitor<ImportOptions> options, LeaseLedger leases)
{
    private const string ClaimSql =
        """
        UPDATE import_jobs SET status = 'running', locked_until = now() + $1, attempts = attempts + 1,
               started_at = coalesce(started_at, now())
         WHERE id = (SELECT id FROM import_jobs
                      WHERE status = 'queued' OR (status = 'running' AND locked_until < now())
                      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, organization_id, requested_by, requested_by_type, record_type, format, file_key, file_name,
                  headers::text, mapping::text, mode, match_on, dry_run, default_owner_id, rows_done, rows_total, attempts,
                  create_companies
        """;

    public async Task<ClaimedImport?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter { Value = options.CurrentValue.Lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        leases.Hold(LeasedWork.Import, reader.GetGuid(0));
        return new ClaimedImport(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetGuid(2),
            Parse<ActorType>(reader.GetString(3)),
            Parse<ImportRecordType>(reader.GetString(4)),
            Parse<ImportFileFormat>(reader.GetString(5)),
            reader.GetString(6),
            reader.GetString(7),
            JsonSerializer.Deserialize<string[]>(reader.GetString(8)) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(9)) ?? [],
            Parse<ImportMode>(reader.GetString(10)),
            Parse<ImportMatch>(reader.GetString(11)),
            reader.GetBoolean(12),
            reader.IsDBNull(13) ? null : reader.GetGuid(13),
            reader.GetInt64(14),
            reader.GetInt64(15),
            reader.GetInt32(16),
            reader.GetBoolean(17));
    }

    /// <summary>This instance holds the import no more: its outcome is written, or it went back to the queue.</summary>
    public void Drop(Guid id) => leases.Let(LeasedWork.Import, id);

    /// <summary>Gives a failed attempt back to the queue; the next run resumes after the last committed chunk.</summary>
    public async Task ReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE import_jobs SET status = 'queued', locked_until = NULL WHERE id = $1 AND status = 'running'");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
        leases.Let(LeasedWork.Import, id);
    }

    private static TEnum Parse<TEnum>(string value)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
