using FluentValidation;

namespace Crm.Application.Common.Models;

/// <summary>How much one read may ask for: each bound keeps a single request's cost within reach of the database.</summary>
public static class QueryBounds
{
    /// <summary>The longest search text (<c>q</c>, <c>search</c>).</summary>
    public const int MaxSearchLength = 200;

    /// <summary>The most values one repeatable filter takes (<c>status=new&amp;status=won</c>, <c>types=contact,deal</c>).</summary>
    public const int MaxFilterValues = 20;

    /// <summary>The longest period one export covers, in days (a leap year).</summary>
    public const int MaxExportDays = 366;

    /// <summary>At most <see cref="MaxFilterValues"/> values, counted as sent (a repeated value counts again).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TValue>?> FilterValues<T, TValue>(this IRuleBuilder<T, IReadOnlyList<TValue>?> rule) =>
        rule.Must(values => values is null || values.Count <= MaxFilterValues).WithMessage($"takes at most {MaxFilterValues} values");
}
