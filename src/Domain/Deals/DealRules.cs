using Crm.Domain.Common;
using Crm.Domain.Organizations;

namespace Crm.Domain.Deals;

/// <summary>A status change must be in the transition table, for the actor's role.</summary>
public sealed record StatusTransitionAllowed(DealStatus From, DealStatus To, MemberRole Role) : IBusinessRule
{
    public string Code => "invalid_status_transition";

    public string Message => $"A deal cannot move from {Name(From)} to {Name(To)}" +
                            (From.IsFinal() && To == DealStatus.InProgress ? " unless an owner or an admin reopens it." : ".");

    public DomainErrorKind Kind => DomainErrorKind.Invalid;

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
    public string Code => "deal_outcome_required";

    public string Message => "Only a won or lost deal is closed: set its status to won or lost instead.";

    public DomainErrorKind Kind => DomainErrorKind.Invalid;

    public bool IsBroken() => Stage == DealStage.Closed && !Status.IsFinal();
}

/// <summary>A won or lost deal stays in the closed stage until it is reopened.</summary>
public sealed record FinalDealStaysClosed(DealStatus Status, DealStage Stage) : IBusinessRule
{
    public string Code => "invalid_stage_transition";

    public string Message => "A won or lost deal stays closed; reopen it (status in_progress) to move its stage.";

    public DomainErrorKind Kind => DomainErrorKind.Invalid;

    public bool IsBroken() => Status.IsFinal() && Stage != DealStage.Closed;
}

/// <summary>Stages move forward freely; only owner and admin move them back.</summary>
public sealed record StageMoveAllowed(DealStage From, DealStage To, MemberRole Role) : IBusinessRule
{
    public string Code => "stage_rollback_forbidden";

    public string Message => "Only an owner or an admin may move a deal back to an earlier stage.";

    public DomainErrorKind Kind => DomainErrorKind.Forbidden;

    public bool IsBroken() =>
        From != To && To != DealStage.Closed && From != DealStage.Closed
        && (!DealTransitions.Stage.TryGetValue((From, To), out var allowed) || !allowed.Permits(Role));
}

/// <summary>A won deal has a positive amount.</summary>
public sealed record WonDealHasAmount(DealStatus Status, decimal Amount) : IBusinessRule
{
    public string Code => "deal_amount_required";

    public string Message => "A deal needs a positive amount to be won.";

    public DomainErrorKind Kind => DomainErrorKind.Invalid;

    public bool IsBroken() => Status == DealStatus.Won && Amount <= 0;
}

/// <summary>Amounts are zero or more, with at most two decimals, and fit numeric(18,2).</summary>
public sealed record AmountIsValid(decimal Amount) : IBusinessRule
{
    public const decimal Max = 9_999_999_999_999_999.99m;

    public string Code => "invalid_amount";

    public string Message => "An amount is a number from 0 to 9999999999999999.99 with at most two decimals.";

    public DomainErrorKind Kind => DomainErrorKind.Invalid;

    public bool IsBroken() => Amount < 0 || Amount > Max || decimal.Round(Amount, 2) != Amount;
}
