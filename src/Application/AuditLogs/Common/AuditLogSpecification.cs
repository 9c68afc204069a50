using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Auditing;
using Crm.Domain.Organizations;

namespace Crm.Application.AuditLogs.Common;

/// <summary>
/// The organization's audit entries, newest first: changes made in it, and the account events (sign-in, refresh,
/// sign-out, failed sign-ins) by or about its current members from the time each joined it. What a member did
/// before joining, or in another organization, is theirs and the other organization's, not this one's.
/// </summary>
public sealed class AuditLogSpecification : Specification<AuditEntry>
{
    /// <param name="memberships">The organization's memberships, as a query the database runs inside this one.</param>
    public AuditLogSpecification(Guid organizationId, IQueryable<Membership> memberships, IAuditLogFilter filter)
    {
        Query.AsNoTracking().Where(e => e.OrganizationId == organizationId
                   || (e.OrganizationId == null
                       && memberships.Any(m => m.CreatedAt <= e.CreatedAt
                           && ((e.ActorId != null && m.UserId == e.ActorId.Value)
                               || (e.EntityType == "user" && e.EntityId != null && m.UserId == e.EntityId.Value)))));
        if (filter.ActorId is { } actor)
        {
            Query.Where(e => e.ActorId == actor);
        }

        if (filter.EntityType is { } type)
        {
            Query.Where(e => e.EntityType == type);
        }

        if (filter.EntityId is { } entity)
        {
            Query.Where(e => e.EntityId == entity);
        }

        if (filter.Action is { } action)
        {
            Query.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            Query.Where(e => e.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            Query.Where(e => e.CreatedAt < to);
        }

        Query.OrderBy(SortOrder.Desc, e => e.CreatedAt, e => e.Id);
    }
}
