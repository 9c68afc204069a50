using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Deals;

/// <summary>A status change must be in the transition table, for the actor's role.</summary>
public sealed record StatusTransitionAllowed(DealStatus From, DealStatus To, MemberRole Role) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidStatusTransition;

    public string Message => $"A deal cannot move from {Name(From)} to {Name(To)}" +
                            (From.IsFinal() && To == DealStatus.InProgress ? " unless an owner or an admin reopens it." : ".");


    public bool IsBroken() =>
        !DealTransitions.Status.TryGetValue((From, To), out var allowed) || !allowed.Permits(Role);

    internal static string Name(DealStatus status) => status switch
    {
        DealStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>The closed stage belongs to won and lost deals only.</summary>
public sealed record ClosedStageNeedsOutcome(DealStatus Status, DealStage Stage) : IBusinessRule
{
    public Error Error => ErrorCatalog.DealOutcomeRequired;


    public bool IsBroken() => Stage == DealStage.Closed && !Status.IsFinal();
}

/// <summary>A won or lost deal stays in the closed stage until it is reopened.</summary>
public sealed record FinalDealStaysClosed(DealStatus Status, DealStage Stage) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidStageTransition;


    public bool IsBroken() => Status.IsFinal() && Stage != DealStage.Closed;
}

/// <summary>Stages move forward freely; only owner and admin move them back.</summary>
public sealed record StageMoveAllowed(DealStage From, DealStage To, MemberRole Role) : IBusinessRule
{
    public Error Error => ErrorCatalog.StageRollbackForbidden;


    public bool IsBroken() =>
        From != To && To != DealStage.Closed && From != DealStage.Closed
        && (!DealTransitions.Stage.TryGetValue((From, To), out var allowed) || !allowed.Permits(Role));
}

/// <summary>A won deal has a positive amount.</summary>
public sealed record WonDealHasAmount(DealStatus Status, decimal Amount) : IBusinessRule
{
    public Error Error => ErrorCatalog.DealAmountRequired;


    public bool IsBroken() => Status == DealStatus.Won && Amount <= 0;
}

/// <summary>Amounts are zero or more, with at most two decimals, and fit numeric(18,2).</summary>
public sealed record AmountIsValid(decimal Amount) : IBusinessRule
{
    public const decimal Max = 9_999_999_999_999_999.99m;

    public Error Error => ErrorCatalog.InvalidAmount;


    public bool IsBroken() => Amount < 0 || Amount > Max || decimal.Round(Amount, 2) != Amount;
}
