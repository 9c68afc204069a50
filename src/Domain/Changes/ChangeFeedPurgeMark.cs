using Crm.Domain.Common;

namespace Crm.Domain.Changes;

/// <summary>
/// The last feed position (transaction, sequence) whose row of one record type the retention purge deleted in an
/// organization: a cursor of that type before it has rows it never read that are gone.
/// </summary>
public sealed class ChangeFeedPurgeMark : ITenantOwned
{
    private ChangeFeedPurgeMark()
    {
    }

    public Guid OrganizationId { get; private set; }

    public ChangedRecordType RecordType { get; private set; }

    public ulong TransactionId { get; private set; }

    public long Sequence { get; private set; }
}
