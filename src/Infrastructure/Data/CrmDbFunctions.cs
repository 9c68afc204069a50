namespace Crm.Infrastructure.Data;

/// <summary>SQL functions the queries call.</summary>
public static class CrmDbFunctions
{
    /// <summary>PostgreSQL's <c>unaccent</c>, wrapped as immutable by the migrations (<c>crm_unaccent</c>).</summary>
    public static string Unaccent(string text) =>
        throw new InvalidOperationException("Runs only inside a database query.");
}
