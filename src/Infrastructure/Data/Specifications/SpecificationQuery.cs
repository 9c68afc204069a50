using System.Linq.Expressions;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data.Specifications;

/// <summary>
/// Applies an Ardalis specification to an EF Core query: the EF-specific flags (tracking, query filters) here, the
/// criteria, order and paging through the library's own evaluators. It stands in for the library's EF Core package,
/// which the package feed does not serve. Includes are taken one navigation deep (an aggregate's own children);
/// deeper includes and search criteria are refused rather than silently ignored, and no specification may lift the
/// tenancy query filter.
/// </summary>
internal static class SpecificationQuery
{
    private static readonly IEvaluator[] Evaluators =
        [WhereEvaluator.Instance, OrderEvaluator.Instance, PaginationEvaluator.Instance];

    public static IQueryable<T> Apply<T>(IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        if (specification.IgnoreQueryFilters || specification.SearchCriterias.Any()
            || specification.IncludeExpressions.Any(i => i.Type != IncludeTypeEnum.Include || i.LambdaExpression.Body is not MemberExpression))
        {
            throw new NotSupportedException(
                $"{specification.GetType().Name} lifts the query filters or uses search criteria or nested includes, which this bridge refuses.");
        }

        var query = specification.AsNoTracking ? source.AsNoTracking() : source;
        foreach (var include in specification.IncludeExpressions)
        {
            query = query.Include(((MemberExpression)include.LambdaExpression.Body).Member.Name);
        }

        query = specification.IncludeStrings.Aggregate(query, (current, path) => current.Include(path));

        return Evaluators.Aggregate(query, (current, evaluator) => evaluator.GetQuery(current, specification));
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class =>
        specification.Selector is { } selector
            ? Apply(source, (ISpecification<T>)specification).Select(selector)
            : throw new InvalidOperationException($"{specification.GetType().Name} has no selector.");
}
