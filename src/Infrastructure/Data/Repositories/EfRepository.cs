using Ardalis.Specification;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;
using Crm.Infrastructure.Data.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data.Repositories;

internal sealed class EfRepository<T>(CrmDbContext db) : IRepository<T>
    where T : Entity
{
    /// <summary>
    /// An aggregate this unit of work already tracks (one it added too) is answered without a query, so reactions to
    /// a change read the records as the change left them.
    /// </summary>
    public Task<T?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<T>().Local.FindEntry(id) is { State: not EntityState.Deleted } tracked
            ? Task.FromResult<T?>(tracked.Entity)
            : db.Set<T>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationQuery.Apply(db.Set<T>(), specification).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationQuery.Apply(db.Set<T>(), specification).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationQuery.Apply(db.Set<T>(), specification).AnyAsync(cancellationToken);

    public void Add(T entity) => db.Set<T>().Add(entity);

    public void Remove(T entity) => db.Set<T>().Remove(entity);
}
