using Crm.Domain.Errors;
using Crm.Infrastructure.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Holds back the staged rows whose address is on the organization's suppression list (an erased contact's): each
/// fails with <c>suppressed</c>, as a single create or a batch item would. The chunk's addresses are hashed here, with
/// the list's key, and looked up in one query.
/// </summary>
internal sealed class SuppressedImportRowFilter(SuppressionKey key) : IImportRowFilter
{
    public async Task ExcludeAsync(NpgsqlConnection connection, Guid organizationId, CancellationToken cancellationToken)
    {
        var emails = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT DISTINCT email FROM import_contacts WHERE failed_code IS NULL AND email IS NOT NULL", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                emails.Add(reader.GetString(0));
            }
        }

        if (emails.Count == 0)
        {
            return;
        }

        var byHash = emails.GroupBy(e => key.Hash(organizationId, e), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList());
        var suppressed = new List<string>();
        await using (var find = new NpgsqlCommand(
            "SELECT hash FROM suppressions WHERE organization_id = @organization AND hash = ANY(@hashes)", connection))
        {
            find.Parameters.AddWithValue("organization", organizationId);
            find.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Char) { Value = byHash.Keys.ToArray() });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                suppressed.AddRange(byHash[reader.GetString(0)]);
            }
        }

        if (suppressed.Count == 0)
        {
            return;
        }

        await using var mark = new NpgsqlCommand(
            """
            UPDATE import_contacts SET failed_code = @code, failed_detail = @detail
             WHERE failed_code IS NULL AND email = ANY(@emails)
            """,
            connection);
        mark.Parameters.AddWithValue("code", ErrorCatalog.Suppressed.Code);
        mark.Parameters.AddWithValue("detail", ErrorCatalog.Suppressed.Title);
        mark.Parameters.AddWithValue("emails", suppressed.ToArray());
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }
}
