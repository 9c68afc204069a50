namespace Crm.Application.CustomFields.Common;

/// <summary>One <c>cf.&lt;key&gt;</c> list parameter: equality, or with <c>.gte</c> / <c>.lte</c> a bound.</summary>
/// <param name="Parameter">The parameter as sent (<c>cf.score.gte</c>), which errors name.</param>
public sealed record CustomFieldFilter(string Parameter, string Key, CustomFieldComparison Comparison, string Value)
{
    public const string Prefix = "cf.";

    /// <summary>The filter a query parameter names, or null when it is not a <c>cf.</c> parameter.</summary>
    public static CustomFieldFilter? Parse(string parameter, string value)
    {
        if (!parameter.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = parameter[Prefix.Length..];
        var comparison = CustomFieldComparison.Equal;
        if (key.EndsWith(".gte", StringComparison.Ordinal))
        {
            (key, comparison) = (key[..^4], CustomFieldComparison.AtLeast);
        }
        else if (key.EndsWith(".lte", StringComparison.Ordinal))
        {
            (key, comparison) = (key[..^4], CustomFieldComparison.AtMost);
        }

        return new CustomFieldFilter(parameter, key, comparison, value);
    }

    public override string ToString() => $"{Parameter}={Value}";
}
