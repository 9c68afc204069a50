using Crm.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data;

/// <summary>A PostgreSQL advisory lock scoped to the transaction, keyed by the purpose and the organization's id.</summary>
internal sealed class OrganizationLock(CrmDbContext db) : IOrganizationLock
{
    public async Task HoldAsync(Guid organizationId, string purpose, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An organization's lock is held by a command's transaction; none is open.");
        }

        var key = $"{purpose}:{organizationId:N}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
