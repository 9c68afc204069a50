using Crm.Domain.Common;

namespace Crm.Application.Common.Interfaces;

/// <summary>
/// Loads and tracks one kind of aggregate of the current organization. Changes are saved by the unit of work
/// when the command completes, never by the repository.
/// </summary>
public interface IRepository<T>
    where T : Entity, ITenantOwned
{
    /// <summary>The record with this id in the current organization, tracked for change; null otherwise.</summary>
    Task<T?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(T entity);

    void Remove(T entity);
}
