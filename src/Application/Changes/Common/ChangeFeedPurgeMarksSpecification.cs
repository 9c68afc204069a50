using Ardalis.Specification;
using Crm.Domain.Changes;

namespace Crm.Application.Changes.Common;

/// <summary>Where the retention purge has deleted up to in an organization, for the given record types.</summary>
public sealed class ChangeFeedPurgeMarksSpecification : Specification<ChangeFeedPurgeMark>
{
    public ChangeFeedPurgeMarksSpecification(Guid organizationId, IReadOnlyCollection<ChangedRecordType> types) =>
        Query.Where(m => m.OrganizationId == organizationId && types.Contains(m.RecordType)).AsNoTracking();
}
