using System.Text.Json;
using Crm.Application.Suppressions.Common;
using Crm.Domain.Common;
using Crm.Domain.Suppressions;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Privacy;

/// <summary>
/// The suppression list in PostgreSQL. An address is kept as HMAC-SHA-256 under the service's secret key of the
/// organization's id and the address trimmed and lower-cased: unlike a bare SHA-256, whoever reads the table cannot
/// confirm a guessed address without the key, and the same address hashes differently in each organization.
/// </summary>
internal sealed class SuppressionList(CrmDbContext db, SuppressionKey key, TimeProvider time) : ISuppressionList
{
    public string Hash(Guid organizationId, string email) => key.Hash(organizationId, email);

    public async Task<IReadOnlySet<string>> SuppressedAsync(Guid organizationId, IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var byHash = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(SuppressionChecks.Normalize).Distinct(StringComparer.Ordinal)
            .ToDictionary(e => Hash(organizationId, e), StringComparer.Ordinal);
        if (byHash.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var hashes = byHash.Keys.ToList();
        var found = await db.Set<Suppression>().AsNoTracking().IgnoreQueryFilters()
            .Where(s => s.OrganizationId == organizationId && hashes.Contains(s.Hash))
            .Select(s => s.Hash)
            .ToListAsync(cancellationToken);
        return found.Select(h => byHash[h]).ToHashSet(StringComparer.Ordinal);
    }

    public async Task AddAsync(Guid organizationId, string email, SuppressionReason reason, Guid createdBy, CancellationToken cancellationToken)
    {
        var entry = Suppression.Add(organizationId, Hash(organizationId, email), reason, createdBy, time.UtcNow());
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO suppressions (id, organization_id, hash, reason, created_by, created_at)
            VALUES ({entry.Id}, {entry.OrganizationId}, {entry.Hash}, {JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString())}, {entry.CreatedBy}, {entry.CreatedAt})
            ON CONFLICT (organization_id, hash) DO NOTHING
            """,
            cancellationToken);
    }
}
