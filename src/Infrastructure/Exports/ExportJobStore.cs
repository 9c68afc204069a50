using Crm.Infrastructure.Jobs;
using System.Text.Json;
using Crm.Domain.Auditing;
using Crm.Domain.Exports;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// The runners' side of <c>export_jobs</c>: claims with a lease (FOR UPDATE SKIP LOCKED, so two instances never take the
/// same export; a lapsed lease lets another take over a dead runner's), progress that renews the lease, and failure.
/// </summary>
internal sealed class ExportJobStore(NpgsqlDataSource dataSource, IOptionsMonitor<ExportOptions> options, LeaseLedger leases)
{
    private const string ClaimSql =
        """
        UPDATE export_jobs SET status = 'running', locked_until = now() + $1, attempts = attempts + 1,
               started_at = coalesce(started_at, now()), rows_done = 0
         WHERE id = (SELECT id FROM export_jobs
                      WHERE status = 'queued' OR (status = 'running' AND locked_until < now())
                      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, organization_id, requested_by, requested_by_type, record_type, format, query::text, attempts, created_at
        """;

    public async Task<ClaimedExport?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter { Value = options.CurrentValue.Lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        leases.Hold(LeasedWork.Export, reader.GetGuid(0));
        return new ClaimedExport(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetGuid(2),
            Parse<ActorType>(reader.GetString(3)),
            Parse<ExportRecordType>(reader.GetString(4)),
            Parse<ExportFormat>(reader.GetString(5)),
            reader.GetString(6),
            reader.GetInt32(7),
            DateTime.SpecifyKind(reader.GetDateTime(8), DateTimeKind.Utc));
    }

    /// <summary>Records progress and renews the lease; false when the export is no longer this runner's to run.</summary>
    public async Task<bool> ProgressAsync(Guid id, long rowsDone, long rowsTotal, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE export_jobs SET rows_done = $2, rows_total = $3, locked_until = now() + $4 WHERE id = $1 AND status = 'running'");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = rowsDone });
        command.Parameters.Add(new NpgsqlParameter { Value = rowsTotal });
        command.Parameters.Add(new NpgsqlParameter { Value = options.CurrentValue.Lease });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task FailAsync(Guid id, string errorCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE export_jobs SET status = 'failed', error_code = $2, finished_at = now(), locked_until = NULL WHERE id = $1 AND status = 'running'");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = errorCode });
        await command.ExecuteNonQueryAsync(cancellationToken);
        leases.Let(LeasedWork.Export, id);
    }

    /// <summary>Gives a failed attempt back to the queue, for this or another runner to start again.</summary>
    public async Task ReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE export_jobs SET status = 'queued', locked_until = NULL WHERE id = $1 AND status = 'running'");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
        leases.Let(LeasedWork.Export, id);
    }

    private static TEnum Parse<TEnum>(string value)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);

    /// <summary>The snake_case name the database and the API use for an enum value.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
