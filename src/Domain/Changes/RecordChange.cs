using Crm.Domain.Common;

namespace Crm.Domain.Changes;

/// <summary>
/// One change of a contact, deal or task as the change feed shows it. The database writes it (a trigger on each
/// record table) in the transaction of the change itself, whatever statement made the change, so that a change
/// rolled back leaves none and a committed one always has its row.
/// </summary>
public sealed class RecordChange : ITenantOwned
{
    private RecordChange()
    {
    }

    /// <summary>Assigned by the database in insertion order, which is not commit order.</summary>
    public long Sequence { get; private set; }

    public Guid OrganizationId { get; private set; }

    public ChangedRecordType RecordType { get; private set; }

    public Guid RecordId { get; private set; }

    public ChangeAction Action { get; private set; }

    public DateTime ChangedAt { get; private set; }

    /// <summary>
    /// The writing transaction's id (PostgreSQL <c>xid8</c>, set by the database): a reader that stops below the oldest
    /// transaction still running sees every row it passes, whatever order transactions commit in.
    /// </summary>
    public ulong TransactionId { get; private set; }
}
