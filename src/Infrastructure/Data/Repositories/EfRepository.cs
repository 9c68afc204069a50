using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data.Repositories;

internal sealed class EfRepository<T>(CrmDbContext db) : IRepository<T>
    where T : Entity, ITenantOwned
{
    public Task<T?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<T>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public void Add(T entity) => db.Set<T>().Add(entity);

    public void Remove(T entity) => db.Set<T>().Remove(entity);
}
