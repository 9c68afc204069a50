using Ardalis.Specification;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Infrastructure.Data.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data;

internal sealed class ReadStore(CrmDbContext db, IRequestContext context) : IReadStore
{
    public string Reader => $"{context.OrganizationId}/{context.UserId}";

    public IQueryable<T> Query<T>()
        where T : class => db.Set<T>().AsNoTracking();

    public IQueryable<T> Query<T>(ISpecification<T> specification)
        where T : class => SpecificationQuery.Apply(db.Set<T>(), specification);

    public IQueryable<TResult> Query<T, TResult>(ISpecification<T, TResult> specification)
        where T : class => SpecificationQuery.Apply(db.Set<T>(), specification);

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.ToListAsync(cancellationToken);

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.FirstOrDefaultAsync(cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.CountAsync(cancellationToken);

    public Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.AnyAsync(cancellationToken);

    public IAsyncEnumerable<T> StreamAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.AsAsyncEnumerable();
}
