using Ardalis.Specification;
using Crm.Domain.Common;

namespace Crm.Application.Common.Interfaces;

/// <summary>
/// Loads, adds and removes one kind of aggregate, tracked for change: the one way handlers write. Records of other
/// organizations stay hidden by the query filter. Changes are saved by the unit of work when the command completes,
/// never by the repository.
/// </summary>
public interface IRepository<T>
    where T : Entity
{
    /// <summary>The aggregate with this id, tracked for change; null otherwise.</summary>
    Task<T?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The first aggregate the specification describes, tracked for change; null when there is none.</summary>
    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken);

    /// <summary>Every aggregate the specification describes, tracked for change.</summary>
    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken);

    void Add(T entity);

    void Remove(T entity);
}
