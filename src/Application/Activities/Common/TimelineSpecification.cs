using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Activities;

namespace Crm.Application.Activities.Common;

/// <summary>
/// The timeline of one deal, contact or company: its own entries and those linked to it, newest first (ties broken by
/// id), optionally of some types only.
/// </summary>
public sealed class TimelineSpecification : Specification<Activity>
{
    public TimelineSpecification(Guid organizationId, ActivityRecordType recordType, Guid recordId, IReadOnlyList<ActivityType>? types = null)
    {
        _ = recordType switch
        {
            ActivityRecordType.Deal => Query.Where(a => a.DealId == recordId),
            ActivityRecordType.Contact => Query.Where(a => a.ContactId == recordId),
            _ => Query.Where(a => a.CompanyId == recordId),
        };
        Query.AsNoTracking().Where(a => a.OrganizationId == organizationId);
        if (types is { Count: > 0 })
        {
            Query.Where(a => types.Contains(a.Type));
        }

        Query.OrderBy(SortOrder.Desc, a => a.CreatedAt, a => a.Id);
    }
}
