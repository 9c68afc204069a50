using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Activities;

namespace Crm.Application.Activities.Queries.ListActivities;

/// <summary>A deal's timeline, newest first (ties broken by id).</summary>
public sealed class DealTimelineSpecification : Specification<Activity>
{
    public DealTimelineSpecification(Guid organizationId, Guid dealId) =>
        Query.AsNoTracking()
            .Where(a => a.DealId == dealId && a.OrganizationId == organizationId)
            .OrderBy(SortOrder.Desc, a => a.CreatedAt, a => a.Id);
}
