using Npgsql;

namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>
/// Fingerprints of stored records, read straight from the database: the rows of one organization (every table
/// with an <c>organization_id</c>, its own row and its members' user rows), and rows of one organization that
/// reference a record of another (which no request may ever create).
/// </summary>
public sealed class WorldSnapshot(NpgsqlDataSource database)
{
    /// <summary>Table name → row count and a hash of every row of that organization.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OfOrganizationAsync(Guid organization, params string[] excludedTables)
    {
        var tables = (await TablesWithOrganizationAsync()).Except(excludedTables).ToList();
        var parts = tables
            .Select(t => $"SELECT '{t}', count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM \"{t}\" r WHERE r.organization_id = $1")
            .Append("SELECT 'organizations', coalesce(md5(string_agg(r::text, '|')), '') FROM organizations r WHERE r.id = $1");
        if (!excludedTables.Contains("users"))
        {
            parts = parts.Append("SELECT 'users', count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM users r WHERE r.id IN (SELECT user_id FROM memberships WHERE organization_id = $1)");
        }

        await using var command = database.CreateCommand(string.Join(" UNION ALL ", parts));
        command.Parameters.Add(new NpgsqlParameter { Value = organization });
        var result = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    /// <summary>How many rows of a table belong to the organization.</summary>
    public async Task<long> CountAsync(string table, Guid organization)
    {
        await using var command = database.CreateCommand($"SELECT count(*) FROM \"{table}\" WHERE organization_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = organization });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>"table.column → parent" for every row whose single-column foreign key names a record of another organization.</summary>
    public async Task<IReadOnlyList<string>> CrossOrganizationReferencesAsync()
    {
        var scoped = (await TablesWithOrganizationAsync()).ToHashSet();
        var keys = new List<(string Child, string Column, string Parent)>();
        await using (var command = database.CreateCommand(
            """
            SELECT child.relname, a.attname, parent.relname
            FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid
            JOIN pg_class parent ON parent.oid = c.confrelid
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND child.relnamespace = 'public'::regnamespace
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var found = new List<string>();
        foreach (var (child, column, parent) in keys.Where(k => scoped.Contains(k.Child) && scoped.Contains(k.Parent)))
        {
            await using var count = database.CreateCommand(
                $"SELECT count(*) FROM \"{child}\" c JOIN \"{parent}\" p ON p.id = c.\"{column}\" WHERE p.organization_id <> c.organization_id");
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                found.Add($"{child}.{column} → {parent}");
            }
        }

        return found;
    }

    private async Task<IReadOnlyList<string>> TablesWithOrganizationAsync()
    {
        await using var command = database.CreateCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name");
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
