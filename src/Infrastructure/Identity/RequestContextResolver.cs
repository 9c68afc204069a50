using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Organizations.Rules;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// What one request's caller may do: whether its session is alive, its role in the organization, that organization's
/// plan, whether the organization's two-factor requirement lets the caller in, and whether the operator suspended it.
/// </summary>
public sealed record CallerState(
    bool SessionActive, MemberRole? Role, OrganizationPlan? Plan = null, bool MeetsTwoFactorRequirement = true, bool OrganizationSuspended = false);

/// <summary>
/// Checks a caller's session and membership in one round trip, for every authenticated request: a revoked
/// session's access token stops working at once, and a removed member loses access at once. A live session's
/// last use is written only when it is older than <see cref="UserSession.LastUsedPrecision"/>, so signed-in traffic
/// costs at most one write per session every few minutes.
/// </summary>
public sealed class RequestContextResolver(CrmDbContext db, TimeProvider time)
{
    public async Task<CallerState> ResolveAsync(
        Guid userId, Guid sessionId, Guid? organizationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new
            {
                Active = s.RevokedAt == null && s.ExpiresAt > now,
                s.LastUsedAt,
                Role = db.Memberships
                    .Where(m => m.UserId == userId && m.OrganizationId == organizationId)
                    .Select(m => (MemberRole?)m.Role)
                    .FirstOrDefault(),
                Plan = db.Organizations
                    .Where(o => o.Id == organizationId)
                    .Select(o => (OrganizationPlan?)o.Plan)
                    .FirstOrDefault(),
                RequiresTwoFactor = db.Organizations.Any(o => o.Id == organizationId && o.RequireTwoFactor),
                Suspended = db.Organizations.Any(o => o.Id == organizationId && o.SuspendedAt != null),
                UsesTwoFactor = db.Set<TwoFactorCredential>().Any(c => c.UserId == userId && c.EnabledAt != null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return new CallerState(false, null);
        }

        if (row.Active && UserSession.IsLastUseStale(row.LastUsedAt, now))
        {
            // Conditional, so that parallel requests of one session write it once.
            var staleBefore = now - UserSession.LastUsedPrecision;
            await db.Sessions
                .Where(s => s.Id == sessionId && s.LastUsedAt <= staleBefore)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastUsedAt, now), cancellationToken);
        }

        return new CallerState(
            row.Active,
            row.Role,
            row.Plan,
            !new MemberMeetsTwoFactorRequirement(row.RequiresTwoFactor, row.UsesTwoFactor).IsBroken(),
            row.Suspended);
    }
}
