using Crm.Application.Tags.Common;
using Crm.Domain.Common;
using Crm.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Infrastructure.Data;

/// <summary>
/// Unnests the <c>tags</c> of one organization's records and groups the spellings in SQL (EF Core does not translate
/// a grouping over an unnested array). Table and column names come from the model; the organization is a parameter.
/// </summary>
internal sealed class TagCounts(CrmDbContext db) : ITagCounts
{
    public async Task<List<SpellingCount>> MostUsedAsync<T>(Guid organizationId, int limit, CancellationToken cancellationToken)
        where T : OwnedRecord
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName();
        var tags = entity.FindProperty(nameof(OwnedRecord.Tags))!.GetColumnName();
        var organization = entity.FindProperty(nameof(ITenantOwned.OrganizationId))!.GetColumnName();
        var sql = $"""
            SELECT t.tag, count(*)::int
            FROM {table} r CROSS JOIN LATERAL unnest(r.{tags}) AS t(tag)
            WHERE r.{organization} = @organization
            GROUP BY t.tag
            ORDER BY count(*) DESC, t.tag
            LIMIT @limit
            """;

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("organization", organizationId);
            command.Parameters.AddWithValue("limit", limit);
            var counts = new List<SpellingCount>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add(new SpellingCount(reader.GetString(0), reader.GetInt32(1)));
            }

            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
