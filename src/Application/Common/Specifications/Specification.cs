using System.Linq.Expressions;

namespace Crm.Application.Common.Specifications;

/// <summary>
/// The criteria and ordering of one reusable query, applied to any query source. A small stand-in for
/// Ardalis.Specification, which cannot be had here; the names follow its concepts.
/// </summary>
public abstract class Specification<T>
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _ordering = [];

    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    /// <summary>Filters and orders <paramref name="source"/>; paging is left to the caller.</summary>
    public IQueryable<T> Apply(IQueryable<T> source)
    {
        var query = _criteria.Aggregate(source, (q, criterion) => q.Where(criterion));
        for (var i = 0; i < _ordering.Count; i++)
        {
            query = _ordering[i](query, i > 0);
        }

        return query;
    }

    protected void Where(Expression<Func<T, bool>> criterion) => _criteria.Add(criterion);

    /// <summary>Adds a sort key after those already given.</summary>
    protected void OrderBy<TKey>(Expression<Func<T, TKey>> key, bool descending = false) =>
        _ordering.Add((query, then) => (then, descending) switch
        {
            (false, false) => query.OrderBy(key),
            (false, true) => query.OrderByDescending(key),
            (true, false) => ((IOrderedQueryable<T>)query).ThenBy(key),
            (true, true) => ((IOrderedQueryable<T>)query).ThenByDescending(key),
        });
}
