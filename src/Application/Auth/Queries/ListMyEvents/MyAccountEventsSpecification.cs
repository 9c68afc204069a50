using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Auditing;

namespace Crm.Application.Auth.Queries.ListMyEvents;

/// <summary>
/// A person's own account events (registration, sign-ins, refreshes, sign-outs, failed sign-ins, verification),
/// whichever organizations they belong to, newest first.
/// </summary>
public sealed class MyAccountEventsSpecification : Specification<AuditEntry>
{
    public MyAccountEventsSpecification(Guid userId) =>
        Query.AsNoTracking()
            .Where(e => e.OrganizationId == null
                        && (e.ActorId == userId || (e.EntityType == "user" && e.EntityId == userId)))
            .OrderBy(SortOrder.Desc, e => e.CreatedAt, e => e.Id);
}
