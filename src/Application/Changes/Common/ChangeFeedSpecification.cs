using Ardalis.Specification;
using Crm.Domain.Changes;

namespace Crm.Application.Changes.Common;

/// <summary>An organization's settled changes of the given types after a position, in feed order.</summary>
public sealed class ChangeFeedSpecification : Specification<RecordChange>
{
    public ChangeFeedSpecification(Guid organizationId, IReadOnlyCollection<ChangedRecordType> types, ChangeFeedPosition after, int take)
    {
        var transaction = after.TransactionId;
        var sequence = after.Sequence;
        Query.Where(c => c.OrganizationId == organizationId
                && c.TransactionId >= transaction
                && (c.TransactionId > transaction || c.Sequence > sequence))
            .OrderBy(c => c.TransactionId).ThenBy(c => c.Sequence)
            .Take(take)
            .AsNoTracking();
        if (types.Count < Enum.GetValues<ChangedRecordType>().Length)
        {
            Query.Where(c => types.Contains(c.RecordType));
        }
    }
}
