using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Deals.Rules;

/// <summary>A won or lost deal stays in the closed stage until it is reopened.</summary>
public sealed record FinalDealStaysClosed(DealStatus Status, DealStage Stage) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidStageTransition;

    public bool IsBroken() => Status.IsFinal() && Stage != DealStage.Closed;
}
