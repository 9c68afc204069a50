using Crm.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Infrastructure.Data.Interceptors;

/// <summary>
/// Refuses to write a tenant-owned record of another organization than the request's, whatever a handler did:
/// the last wall before the database, which itself refuses cross-organization references.
/// </summary>
internal sealed class TenantGuardInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CrmDbContext { TenantId: { } tenant } context)
        {
            var foreign = context.ChangeTracker.Entries<ITenantOwned>()
                .FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                                     && e.Entity.OrganizationId != tenant);
            if (foreign is not null)
            {
                throw new InvalidOperationException(
                    $"Refused to write a {foreign.Metadata.ClrType.Name} of another organization than the request's.");
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
