using Ardalis.Specification;
using Crm.Application.Common.Interfaces;

namespace Crm.Application.UnitTests;

/// <summary>Query sources held in lists, for handlers whose queries are plain LINQ.</summary>
public sealed class InMemoryReadStore : IReadStore
{
    private readonly Dictionary<Type, object> _sets = [];

    public InMemoryReadStore With<T>(params T[] items)
        where T : class
    {
        _sets[typeof(T)] = items.ToList();
        return this;
    }

    public IQueryable<T> Query<T>()
        where T : class =>
        (_sets.TryGetValue(typeof(T), out var set) ? (List<T>)set : []).AsQueryable();

    public IQueryable<T> Query<T>(ISpecification<T> specification)
        where T : class => specification.Evaluate(Query<T>()).AsQueryable();

    public IQueryable<TResult> Query<T, TResult>(ISpecification<T, TResult> specification)
        where T : class => specification.Evaluate(Query<T>()).AsQueryable();

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => Task.FromResult(query.ToList());

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => Task.FromResult(query.FirstOrDefault());

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => Task.FromResult(query.Count());

    public Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => Task.FromResult(query.Any());

    public IAsyncEnumerable<T> StreamAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => query.ToAsyncEnumerable();
}
