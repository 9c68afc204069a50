namespace Crm.Domain.Activities;

/// <summary>
/// The records whose timelines show an entry. A deal's entries carry the deal's contact and company at the time, so
/// they also show on those timelines.
/// </summary>
public readonly record struct ActivityLinks(Guid? DealId, Guid? ContactId, Guid? CompanyId)
{
    public bool IsEmpty => DealId is null && ContactId is null && CompanyId is null;

    public static ActivityLinks OfDeal(Guid dealId) => new(dealId, null, null);
}
