namespace Crm.Application.Common.Caching;

public static class CacheTags
{
    /// <summary>Everything computed from an organization's deals.</summary>
    public const string Deals = "deals";

    /// <summary>The organization's own settings (time zone, stage probabilities) and its members.</summary>
    public const string Organization = "organization";

    /// <summary>Every record of one kind in an organization: bumped whenever one is added, changed or removed.</summary>
    public static string RecordsOf(Type records) => "records:" + records.Name.ToLowerInvariant();
}
