using System.Text.Json;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Models;
using Crm.Domain.ApiKeys;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Operations;

/// <summary>
/// What the service's operator does to tenants from the command line: list and inspect them, change a plan, suspend
/// and resume. Every change is written with its audit entry in one transaction; the entry's actor is the operator
/// (actor type <c>operator</c>, no account), named by the machine's user in the entry's user agent. Members feel a
/// change at their next request: the caller's organization state is read per request, never cached.
/// </summary>
public sealed class OrganizationOperator(CrmDbContext db, TimeProvider time)
{
    /// <summary>Organizations, newest first.</summary>
    public async Task<IReadOnlyList<OrganizationSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new OrganizationSummary(o.Id, o.Name, o.Plan, o.SuspendedAt, o.Memberships.Count, o.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>One organization with its owners and record counts; null when no organization has the id.</summary>
    public async Task<OrganizationDetails?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrganizationSummary(o.Id, o.Name, o.Plan, o.SuspendedAt, o.Memberships.Count, o.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var owners = await (from m in db.Memberships.IgnoreQueryFilters()
                            join u in db.Users.IgnoreQueryFilters() on m.UserId equals u.Id
                            where m.OrganizationId == id && m.Role == MemberRole.Owner
                            orderby u.Email
                            select u.Email).ToListAsync(cancellationToken);
        return new OrganizationDetails(
            summary,
            owners,
            await db.Contacts.IgnoreQueryFilters().LongCountAsync(c => c.OrganizationId == id, cancellationToken),
            await db.Companies.IgnoreQueryFilters().LongCountAsync(c => c.OrganizationId == id, cancellationToken),
            await db.Deals.IgnoreQueryFilters().LongCountAsync(d => d.OrganizationId == id, cancellationToken),
            await db.Set<ApiKey>().IgnoreQueryFilters().LongCountAsync(k => k.OrganizationId == id && k.RevokedAt == null, cancellationToken));
    }

    /// <summary>Moves the organization to <paramref name="plan"/>; false when it was on that plan already (nothing written).</summary>
    public Task<bool> ChangePlanAsync(Guid id, OrganizationPlan plan, CancellationToken cancellationToken) =>
        ChangeAsync(id, "change_organization_plan", organization =>
        {
            if (organization.Plan == plan)
            {
                return null;
            }

            var from = organization.Plan;
            organization.ChangePlan(plan, time.UtcNow());
            return new AuditChange("plan", Name(from), Name(plan));
        }, cancellationToken);

    /// <summary>Shuts the organization's members and API keys out (403 <c>organization_suspended</c>).</summary>
    public Task<bool> SuspendAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "suspend_organization", organization =>
        {
            organization.Suspend(time.UtcNow());
            return new AuditChange("suspended", "false", "true");
        }, cancellationToken);

    /// <summary>Lets the members of a suspended organization in again.</summary>
    public Task<bool> ResumeAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "resume_organization", organization =>
        {
            organization.Resume(time.UtcNow());
            return new AuditChange("suspended", "true", "false");
        }, cancellationToken);

    private async Task<bool> ChangeAsync(
        Guid id, string action, Func<Organization, AuditChange?> change, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"No organization has the id {id}.");
        if (change(organization) is not { } recorded)
        {
            return false;
        }

        db.AuditLogs.Add(AuditEntry.Record(
            id,
            null,
            action,
            "organization",
            id,
            JsonSerializer.Serialize(new[] { recorded }, TimelineJson.Options),
            null,
            $"crm-cli operator {Environment.UserName}@{Environment.MachineName}",
            null,
            time.UtcNow(),
            ActorType.Operator));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Name(OrganizationPlan plan) => JsonNamingPolicy.SnakeCaseLower.ConvertName(plan.ToString());
}
