using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Deals.Rules;

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
