using Crm.Domain.Changes;

namespace Crm.Application.Changes.Common;

/// <summary>
/// The retention purge's marks, per record type, when a reader started without a cursor: rows at or below them were
/// purged before it began, so only a mark that has moved past its floor since tells of changes it lost.
/// </summary>
public readonly record struct ChangeFeedFloors(
    ChangeFeedPosition Contact, ChangeFeedPosition Deal, ChangeFeedPosition Task, ChangeFeedPosition Company)
{
    public ChangeFeedPosition Of(ChangedRecordType type) => type switch
    {
        ChangedRecordType.Contact => Contact,
        ChangedRecordType.Deal => Deal,
        ChangedRecordType.Company => Company,
        _ => Task,
    };

    public ChangeFeedFloors With(ChangedRecordType type, ChangeFeedPosition floor) => type switch
    {
        ChangedRecordType.Contact => this with { Contact = floor },
        ChangedRecordType.Deal => this with { Deal = floor },
        ChangedRecordType.Company => this with { Company = floor },
        _ => this with { Task = floor },
    };
}
