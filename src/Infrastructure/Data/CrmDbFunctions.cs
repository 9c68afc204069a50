namespace Crm.Infrastructure.Data;

/// <summary>SQL functions the queries call.</summary>
public static class CrmDbFunctions
{
    /// <summary>PostgreSQL's <c>unaccent</c>, wrapped as immutable by the migrations (<c>crm_unaccent</c>).</summary>
    public static string Unaccent(string text) =>
        throw new InvalidOperationException("Runs only inside a database query.");

    /// <summary>
    /// PostgreSQL's <c>jsonb_extract_path(json, key)</c>: the value under the key as jsonb, which orders numbers as
    /// numbers and strings as text; null when the key is missing.
    /// </summary>
    public static string? JsonValue(string json, string key) =>
        throw new InvalidOperationException("Runs only inside a database query.");
}
