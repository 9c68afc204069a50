using Crm.Application.CustomFields.Common;

namespace Crm.WebApi.Http;

/// <summary>
/// The <c>cf.&lt;key&gt;</c> filters of a list (any query parameter with that prefix, so they cannot be declared one
/// by one) and an <c>order_by=cf.&lt;key&gt;</c>, which the list's order enum does not name.
/// </summary>
public static class CustomFieldParameters
{
    public static List<CustomFieldFilter> Filters(HttpRequest request) =>
        [.. request.Query
            .SelectMany(p => p.Value.Select(v => CustomFieldFilter.Parse(p.Key, v ?? string.Empty)))
            .OfType<CustomFieldFilter>()];

    /// <summary>The key of <c>order_by=cf.&lt;key&gt;</c>, or null for another order.</summary>
    public static string? OrderKey(string? orderBy) =>
        orderBy is not null && orderBy.StartsWith(CustomFieldFilter.Prefix, StringComparison.Ordinal) ? orderBy[CustomFieldFilter.Prefix.Length..] : null;

    /// <summary>The order_by value left for the list's own order enum: none when it names a custom field.</summary>
    public static string? OwnOrder(string? orderBy) => OrderKey(orderBy) is null ? orderBy : null;
}
