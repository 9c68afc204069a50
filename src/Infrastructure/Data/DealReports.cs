using Crm.Application.Analytics.Reports;
using Crm.Domain.Deals;
using Crm.Infrastructure.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Infrastructure.Data;

/// <summary>
/// The reports' grouped SQL (EF Core translates neither bucketing in a time zone nor a window over the timeline).
/// Every statement filters on the organization, a parameter. A deal's closing is its <c>closed_at</c>, the time of its
/// last move to won or lost, kept by the deal and cleared when it reopens; the deals' indexes on their creation and
/// closing times carry the status, currency, amount and owner, so the created and closed figures come from an index
/// alone. Stage times come from the window's stage changes on the timeline, each of which says when the deal had
/// entered the stage it left.
/// </summary>
internal sealed class DealReports(CrmDbContext db) : IDealReports
{
    public Task<List<TrendRow>> TrendAsync(
        Guid organizationId, TrendInterval interval, string timeZone, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken)
    {
        var unit = interval switch
        {
            TrendInterval.Week => "week",
            TrendInterval.Month => "month",
            _ => "day",
        };
        var sql = $"""
            SELECT date_trunc('{unit}', d.created_at AT TIME ZONE @zone)::date, NULL, d.currency, count(*)::int, sum(d.amount)
            FROM deals d
            WHERE d.organization_id = @organization AND d.created_at >= @start AND d.created_at < @end
            GROUP BY 1, 3
            UNION ALL
            SELECT date_trunc('{unit}', d.closed_at AT TIME ZONE @zone)::date, d.status, d.currency, count(*)::int, sum(d.amount)
            FROM deals d
            WHERE d.organization_id = @organization AND d.closed_at >= @start AND d.closed_at < @end
            GROUP BY 1, 2, 3
            """;
        return ReadAsync(
            sql,
            p =>
            {
                p.AddWithValue("organization", organizationId);
                p.AddWithValue("zone", timeZone);
                p.AddWithValue("start", startUtc);
                p.AddWithValue("end", endUtc);
            },
            r => new TrendRow(
                r.GetFieldValue<DateOnly>(0),
                r.IsDBNull(1) ? null : Status(r.GetString(1)),
                r.GetString(2).Trim(),
                r.GetInt32(3),
                r.GetDecimal(4)),
            cancellationToken);
    }

    public Task<List<ForecastRow>> ForecastAsync(Guid organizationId, DateOnly until, CancellationToken cancellationToken) =>
        ReadAsync(
            """
            SELECT date_trunc('month', d.expected_close_date::timestamp)::date, d.stage, d.currency, count(*)::int, sum(d.amount)
            FROM deals d
            WHERE d.organization_id = @organization AND d.status IN ('new', 'in_progress')
              AND (d.expected_close_date IS NULL OR d.expected_close_date < @until)
            GROUP BY 1, 2, 3
            """,
            p =>
            {
                p.AddWithValue("organization", organizationId);
                p.AddWithValue("until", until);
            },
            r => new ForecastRow(
                r.IsDBNull(0) ? null : r.GetFieldValue<DateOnly>(0),
                SnakeCaseEnumConverter<DealStage>.Instance.ConvertFromProvider(r.GetString(1)) is DealStage stage ? stage : default,
                r.GetString(2).Trim(),
                r.GetInt32(3),
                r.GetDecimal(4)),
            cancellationToken);

    public Task<List<ClosingRow>> ClosingsAsync(Guid organizationId, DateTime sinceUtc, CancellationToken cancellationToken) =>
        ReadAsync(
            """
            SELECT d.owner_id, d.status, d.currency, count(*)::int, sum(d.amount),
                   sum(extract(epoch FROM d.closed_at - d.created_at))::float8 / 86400
            FROM deals d
            WHERE d.organization_id = @organization AND d.closed_at >= @start
            GROUP BY 1, 2, 3
            """,
            p =>
            {
                p.AddWithValue("organization", organizationId);
                p.AddWithValue("start", sinceUtc);
            },
            r => new ClosingRow(r.GetGuid(0), Status(r.GetString(1)), r.GetString(2).Trim(), r.GetInt32(3), r.GetDecimal(4), r.GetDouble(5)),
            cancellationToken);

    public Task<List<StageTimeRow>> StageTimesAsync(Guid organizationId, DateTime sinceUtc, CancellationToken cancellationToken) =>
        ReadAsync(
            // One pass over the window's stage changes, an aggregate per open stage (no sort, no hash), one row each.
            """
            SELECT v.stage, v.n, v.seconds / 86400
            FROM (SELECT count(*) FILTER (WHERE x.stage = 'qualification')::int AS qn, sum(x.seconds) FILTER (WHERE x.stage = 'qualification') AS qs,
                         count(*) FILTER (WHERE x.stage = 'proposal')::int AS pn, sum(x.seconds) FILTER (WHERE x.stage = 'proposal') AS ps,
                         count(*) FILTER (WHERE x.stage = 'negotiation')::int AS nn, sum(x.seconds) FILTER (WHERE x.stage = 'negotiation') AS ns
                  FROM (SELECT a.payload ->> 'from' AS stage,
                               extract(epoch FROM a.created_at - (a.payload ->> 'from_entered_at')::timestamptz)::float8 AS seconds
                        FROM activities a
                        WHERE a.organization_id = @organization AND a.type = 'stage_changed' AND a.created_at >= @since) x) t,
                 LATERAL (VALUES ('qualification', t.qn, t.qs), ('proposal', t.pn, t.ps), ('negotiation', t.nn, t.ns)) v(stage, n, seconds)
            WHERE v.n > 0
            """,
            p =>
            {
                p.AddWithValue("organization", organizationId);
                p.AddWithValue("since", sinceUtc);
            },
            r => new StageTimeRow(
                SnakeCaseEnumConverter<DealStage>.Instance.ConvertFromProvider(r.GetString(0)) is DealStage stage ? stage : default,
                r.GetInt32(1),
                r.GetDouble(2)),
            cancellationToken);

    public async Task<OwnerRows> OwnersAsync(
        Guid organizationId, DateTime sinceUtc, DateOnly today, CancellationToken cancellationToken)
    {
        // One round trip, three groupings; the kind in the first column tells the rows apart.
        var rows = await ReadAsync(
            """
            SELECT 'open', d.owner_id, d.currency, count(*)::int, sum(d.amount)
            FROM deals d
            WHERE d.organization_id = @organization AND d.status IN ('new', 'in_progress')
            GROUP BY 2, 3
            UNION ALL
            SELECT 'logged', a.author_id, NULL, count(*)::int, NULL
            FROM activities a
            WHERE a.organization_id = @organization AND a.created_at >= @since AND a.type IN ('comment', 'note', 'call', 'meeting', 'email')
            GROUP BY 2
            UNION ALL
            SELECT 'overdue', t.assignee_id, NULL, count(*)::int, NULL
            FROM tasks t
            WHERE t.organization_id = @organization AND NOT t.is_done AND t.due_date < @today AND t.assignee_id IS NOT NULL
            GROUP BY 2
            """,
            p =>
            {
                p.AddWithValue("organization", organizationId);
                p.AddWithValue("since", sinceUtc);
                p.AddWithValue("today", today);
            },
            r => (Kind: r.GetString(0), Id: r.GetGuid(1), Currency: r.IsDBNull(2) ? null : r.GetString(2).Trim(), Count: r.GetInt32(3),
                Amount: r.IsDBNull(4) ? 0m : r.GetDecimal(4)),
            cancellationToken);
        return new OwnerRows(
            [.. rows.Where(r => r.Kind == "open").Select(r => new OpenDealsRow(r.Id, r.Currency!, r.Count, r.Amount))],
            rows.Where(r => r.Kind == "logged").ToDictionary(r => r.Id, r => r.Count),
            rows.Where(r => r.Kind == "overdue").ToDictionary(r => r.Id, r => r.Count));
    }

    private static DealStatus Status(string value) =>
        SnakeCaseEnumConverter<DealStatus>.Instance.ConvertFromProvider(value) is DealStatus status ? status : default;

    private async Task<List<T>> ReadAsync<T>(
        string sql, Action<NpgsqlParameterCollection> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            parameters(command.Parameters);
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
