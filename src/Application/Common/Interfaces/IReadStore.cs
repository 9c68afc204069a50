using Ardalis.Specification;

namespace Crm.Application.Common.Interfaces;

/// <summary>
/// Read-only, untracked query sources for query handlers, and the asynchronous operators that run them, so that
/// Application composes queries without depending on the ORM.
/// </summary>
public interface IReadStore
{
    /// <summary>Whom the rows are read for (organization and user): list cursors are bound to it.</summary>
    string Reader => string.Empty;

    /// <summary>Every row of <typeparamref name="T"/> visible to the request, for joins and aggregates.</summary>
    IQueryable<T> Query<T>()
        where T : class;

    /// <summary>The rows the specification describes: its criteria, order, paging and tracking.</summary>
    IQueryable<T> Query<T>(ISpecification<T> specification)
        where T : class;

    /// <summary>The rows the specification describes, projected by its selector.</summary>
    IQueryable<TResult> Query<T, TResult>(ISpecification<T, TResult> specification)
        where T : class;

    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    /// <summary>Reads the query's rows one by one as they arrive, without loading them all.</summary>
    IAsyncEnumerable<T> StreamAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);
}
