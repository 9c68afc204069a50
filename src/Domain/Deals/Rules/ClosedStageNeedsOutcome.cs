using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Deals.Rules;

/// <summary>The closed stage belongs to won and lost deals only.</summary>
public sealed record ClosedStageNeedsOutcome(DealStatus Status, DealStage Stage) : IBusinessRule
{
    public Error Error => ErrorCatalog.DealOutcomeRequired;

    public bool IsBroken() => Stage == DealStage.Closed && !Status.IsFinal();
}
