using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Deals.Rules;

/// <summary>Stages move forward freely; only owner and admin move them back.</summary>
public sealed record StageMoveAllowed(DealStage From, DealStage To, MemberRole Role) : IBusinessRule
{
    public Error Error => ErrorCatalog.StageRollbackForbidden;

    public bool IsBroken() =>
        From != To && To != DealStage.Closed && From != DealStage.Closed
        && (!DealTransitions.Stage.TryGetValue((From, To), out var allowed) || !allowed.Permits(Role));
}
