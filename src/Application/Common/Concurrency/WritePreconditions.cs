using Crm.Application.Common.Exceptions;
using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Application.Common.Concurrency;

/// <summary>
/// One request's conditions on the records it writes. A record is checked when loaded, and the save compares the
/// version it was loaded at in the same UPDATE or DELETE, so a change committed in between fails the write too:
/// the unit of work answers that failure as <c>412 precondition_failed</c> for a record guarded here, instead of
/// <c>409 concurrent_update</c>.
/// </summary>
public sealed class WritePreconditions
{
    private readonly HashSet<object> _guarded = new(ReferenceEqualityComparer.Instance);

    /// <summary>Refuses to go on unless the record is at a version the condition names; no condition, no check.</summary>
    public void Require(IVersioned record, VersionCondition? ifMatch)
    {
        if (ifMatch is null)
        {
            return;
        }

        if (!ifMatch.Matches(record.Version))
        {
            throw new PreconditionFailedException(ErrorCatalog.PreconditionFailed);
        }

        _guarded.Add(record);
    }

    /// <summary>Whether a failed write of this record breaks a condition the client set.</summary>
    public bool Guards(object record) => _guarded.Contains(record);
}
