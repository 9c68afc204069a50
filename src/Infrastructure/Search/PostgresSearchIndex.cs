using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Application.Search.Queries.SearchRecords;
using Crm.Domain.Records;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Infrastructure.Search;

/// <summary>
/// Search with PostgreSQL: the words typed become prefix terms (<c>gra:* &amp; hop:*</c>) matched against the
/// records' generated tsvectors (names and titles weigh more than emails and bodies), ranked by ts_rank, and the
/// page's rows highlighted by ts_headline. When the words match nothing, trigram similarity on names and titles
/// finds near spellings ("Jonh Smiht" finds "John Smith"). Only the organization's records, always; the database
/// pages and counts, so no more than a page is read.
/// </summary>
internal sealed partial class PostgresSearchIndex(NpgsqlDataSource dataSource) : ISearchIndex
{
    /// <summary>How alike a name must be to the text to be offered when no word matched (pg_trgm similarity).</summary>
    private const double SimilarityThreshold = 0.2;

    // ts_headline marks matches with two private-use characters (removed from the text first), so that the snippet can be
    // HTML-escaped whole before the marks become <mark> elements: stored text never turns into markup.
    private const string Marks = "StartSel=\uE000, StopSel=\uE001, MaxWords=24, MinWords=8, MaxFragments=1, HighlightAll=false";

    /// <summary>
    /// The text a hit's snippet is cut from: its body, and when the words are not there, the custom field text values
    /// (strings, also inside multi-select lists) that made it a match.
    /// </summary>
    private const string MatchedText = """
        CASE WHEN p.custom_fields IS NULL OR to_tsvector('crm_search', p.body) @@ q.query THEN p.body
             ELSE p.body || coalesce(' · ' || (SELECT string_agg(v #>> '{}', ' · ')
                                                 FROM jsonb_path_query(p.custom_fields, 'lax $.*[*] ? (@.type() == "string")') v), '')
        END
        """;

    private static readonly Search FullText = new(
        "to_tsquery('crm_search', $2) AS query, $3::text AS tag",
        """
        SELECT 'contact' AS type, c.id, c.name AS title, c.name || coalesce(' <' || c.email || '>', '') AS body,
               ts_rank(c.search_vector, q.query) AS score, NULL::uuid AS deal_id, c.custom_fields
          FROM contacts c, q WHERE c.organization_id = $1 AND (c.search_vector @@ q.query OR c.tag_keys @> ARRAY[q.tag])
        UNION ALL
        SELECT 'company', co.id, co.name, co.name || coalesce(' (' || co.domain || ')', ''), ts_rank(co.search_vector, q.query), NULL::uuid, co.custom_fields
          FROM companies co, q WHERE co.organization_id = $1 AND (co.search_vector @@ q.query OR co.tag_keys @> ARRAY[q.tag])
        UNION ALL
        SELECT 'deal', d.id, d.title, d.title, ts_rank(d.search_vector, q.query), d.id, d.custom_fields
          FROM deals d, q WHERE d.organization_id = $1 AND (d.search_vector @@ q.query OR d.tag_keys @> ARRAY[q.tag])
        UNION ALL
        SELECT 'task', t.id, t.title, t.title || coalesce(': ' || t.description, ''), ts_rank(t.search_vector, q.query), t.deal_id, NULL::jsonb
          FROM tasks t, q WHERE t.organization_id = $1 AND t.search_vector @@ q.query
        UNION ALL
        SELECT 'comment', a.id, left(a.payload ->> 'text', 80), a.payload ->> 'text', ts_rank(a.search_vector, q.query), a.deal_id, NULL::jsonb
          FROM activities a, q WHERE a.organization_id = $1 AND a.type = 'comment' AND a.search_vector @@ q.query
        UNION ALL
        SELECT 'activity', a.id, coalesce(a.subject, left(a.body, 80)), coalesce(a.subject || ': ', '') || a.body, ts_rank(a.search_vector, q.query), a.deal_id, NULL::jsonb
          FROM activities a, q WHERE a.organization_id = $1 AND a.type IN ('note', 'call', 'meeting', 'email') AND a.search_vector @@ q.query
        """,
        $"ts_headline('crm_search', translate({MatchedText}, U&'\\E000\\E001', ''), q.query, '{Marks}')");

    private static readonly Search Similar = new(
        "crm_unaccent(lower($2)) AS query, $3::text AS tag",
        """
        SELECT 'contact' AS type, c.id, c.name AS title, c.name AS body, similarity(c.search_text, q.query)::real AS score, NULL::uuid AS deal_id
          FROM contacts c, q WHERE c.organization_id = $1 AND c.search_text % q.query
        UNION ALL
        SELECT 'company', co.id, co.name, co.name, similarity(co.search_text, q.query)::real, NULL::uuid
          FROM companies co, q WHERE co.organization_id = $1 AND co.search_text % q.query
        UNION ALL
        SELECT 'deal', d.id, d.title, d.title, similarity(crm_unaccent(lower(d.title)), q.query)::real, d.id
          FROM deals d, q WHERE d.organization_id = $1 AND crm_unaccent(lower(d.title)) % q.query
        UNION ALL
        SELECT 'task', t.id, t.title, t.title, similarity(crm_unaccent(lower(t.title)), q.query)::real, t.deal_id
          FROM tasks t, q WHERE t.organization_id = $1 AND crm_unaccent(lower(t.title)) % q.query
        """,
        "translate(p.body, U&'\\E000\\E001', '')");

    public async Task<SearchResults> SearchAsync(Guid organizationId, SearchRecordsQuery query, CancellationToken cancellationToken)
    {
        var words = Words().Matches(query.Q).Select(m => m.Value).Take(8).ToList();
        var types = (query.Types is { Count: > 0 } asked ? asked : Enum.GetValues<SearchType>()).Select(Name).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var prefixes = string.Join(" & ", words.Select(w => $"'{w.Replace("'", "''", StringComparison.Ordinal)}':*"));
        var results = await FullText.RunAsync(connection, transaction, organizationId, prefixes, types, query, cancellationToken);
        if (results.Facets.Values.Sum() == 0)
        {
            await using (var threshold = new NpgsqlCommand(
                FormattableString.Invariant($"SET LOCAL pg_trgm.similarity_threshold = {SimilarityThreshold}"), connection, transaction))
            {
                await threshold.ExecuteNonQueryAsync(cancellationToken);
            }

            results = await Similar.RunAsync(connection, transaction, organizationId, string.Join(' ', words), types, query, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static string Name(SearchType type) => type.ToString().ToLowerInvariant();

    private static SearchType Parse(string name) => Enum.Parse<SearchType>(name, ignoreCase: true);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    /// <summary>One way of matching: the query expression, the matches of every type, and the snippet of a match.</summary>
    private sealed record Search(string Query, string Hits, string Snippet)
    {
        public async Task<SearchResults> RunAsync(
            NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organizationId, string text, string[] types,
            SearchRecordsQuery query, CancellationToken ct)
        {
            var sql = $"""
                WITH q AS (SELECT {Query}),
                hits AS ({Hits}),
                p AS (SELECT *, count(*) OVER () AS total FROM hits WHERE type = ANY($4) ORDER BY score DESC, id LIMIT $5 OFFSET $6)
                SELECT p.type, p.id, p.title, {Snippet}, p.score, p.deal_id, p.total,
                       (SELECT json_object_agg(type, n) FROM (SELECT type, count(*) AS n FROM hits GROUP BY type) f)
                  FROM p, q
                 ORDER BY p.score DESC, p.id
                """;
            var facets = Enum.GetValues<SearchType>().ToDictionary(t => t, _ => 0);
            var items = new List<SearchHit>();
            var total = 0;
            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = organizationId });
                command.Parameters.Add(new NpgsqlParameter { Value = text });
                command.Parameters.Add(Tag(query));
                command.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = query.PageSize });
                command.Parameters.Add(new NpgsqlParameter { Value = (query.Page - 1) * query.PageSize });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    items.Add(new SearchHit(
                        Parse(reader.GetString(0)), reader.GetGuid(1), reader.GetString(2), SnippetMarkup.Render(reader.GetString(3)),
                        Math.Round(reader.GetFloat(4), 4), reader.IsDBNull(5) ? null : reader.GetGuid(5)));
                    total = (int)reader.GetInt64(6);
                    if (items.Count == 1)
                    {
                        foreach (var (type, count) in JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(7))!)
                        {
                            facets[Parse(type)] = count;
                        }
                    }
                }
            }

            if (items.Count == 0)
            {
                // A page past the end: count the matches anyway.
                await using var command = new NpgsqlCommand($"WITH q AS (SELECT {Query}), hits AS ({Hits}) SELECT type, count(*) FROM hits GROUP BY type", connection, transaction);
                command.Parameters.Add(new NpgsqlParameter { Value = organizationId });
                command.Parameters.Add(new NpgsqlParameter { Value = text });
                command.Parameters.Add(Tag(query));
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    facets[Parse(reader.GetString(0))] = (int)reader.GetInt64(1);
                }

                total = facets.Where(f => types.Contains(Name(f.Key))).Sum(f => f.Value);
            }

            return new SearchResults(items, facets, query.Page, query.PageSize, total);
        }

        /// <summary>The whole text as a tag (as tags compare: trimmed, any case): a record carrying it is a match.</summary>
        private static NpgsqlParameter Tag(SearchRecordsQuery query) => new()
        {
            Value = RecordTags.Key(query.Q) is { Length: > 0 and <= RecordTags.MaxLength } key ? key : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Text,
        };
    }
}
