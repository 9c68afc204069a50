using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Auditing;

namespace Crm.Application.AuditLogs.Common;

/// <summary>
/// The organization's audit entries, newest first: changes made in it, and the sign-in events by or about its
/// members.
/// </summary>
public sealed class AuditLogSpecification : Specification<AuditEntry>
{
    /// <param name="members">The ids of the organization's members, as a query the database runs inside this one.</param>
    public AuditLogSpecification(Guid organizationId, IQueryable<Guid> members, IAuditLogFilter filter)
    {
        Query.AsNoTracking().Where(e => e.OrganizationId == organizationId
                   || (e.OrganizationId == null
                       && ((e.ActorId != null && members.Contains(e.ActorId.Value))
                           || (e.EntityType == "user" && e.EntityId != null && members.Contains(e.EntityId.Value)))));
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
