using System.Linq.Expressions;
using Ardalis.Specification;
using Crm.Application.Common.Models;

namespace Crm.Application.Common.Specifications;

/// <summary>Orders a specification by several keys in one direction, as a list's <c>order</c> parameter asks.</summary>
public static class SpecificationOrdering
{
    /// <summary>Sorts by <paramref name="keys"/> in turn, all ascending or all descending; the last key breaks ties.</summary>
    public static ISpecificationBuilder<T> OrderBy<T>(
        this ISpecificationBuilder<T> query, SortOrder order, params Expression<Func<T, object?>>[] keys)
    {
        var descending = order == SortOrder.Desc;
        var ordered = descending ? query.OrderByDescending(keys[0]) : query.OrderBy(keys[0]);
        foreach (var key in keys.Skip(1))
        {
            ordered = descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }

        return ordered;
    }
}
