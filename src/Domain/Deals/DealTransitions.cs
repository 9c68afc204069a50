using Crm.Domain.Organizations;

namespace Crm.Domain.Deals;

/// <summary>
/// The one table of allowed deal status and stage transitions, and who may make each. Every change to a deal
/// is checked here; anything not listed is refused.
/// </summary>
public static class DealTransitions
{
    /// <summary>Who may make a transition.</summary>
    public enum Allowed
    {
        /// <summary>Anyone who may change the deal.</summary>
        AnyEditor,
        /// <summary>Only an owner or an admin of the organization.</summary>
        Administrators,
    }

    /// <summary>Status moves: new → in_progress → won | lost, new → won | lost; owner and admin may reopen.</summary>
    public static IReadOnlyDictionary<(DealStatus From, DealStatus To), Allowed> Status { get; } =
        new Dictionary<(DealStatus, DealStatus), Allowed>
        {
            [(DealStatus.New, DealStatus.InProgress)] = Allowed.AnyEditor,
            [(DealStatus.New, DealStatus.Won)] = Allowed.AnyEditor,
            [(DealStatus.New, DealStatus.Lost)] = Allowed.AnyEditor,
            [(DealStatus.InProgress, DealStatus.Won)] = Allowed.AnyEditor,
            [(DealStatus.InProgress, DealStatus.Lost)] = Allowed.AnyEditor,
            [(DealStatus.Won, DealStatus.InProgress)] = Allowed.Administrators,
            [(DealStatus.Lost, DealStatus.InProgress)] = Allowed.Administrators,
        };

    /// <summary>
    /// Stage moves between the open stages: forward for anyone who may change the deal, back for owner and admin
    /// only. <see cref="DealStage.Closed"/> is reached only through a won or lost status, and left only by reopening.
    /// </summary>
    public static IReadOnlyDictionary<(DealStage From, DealStage To), Allowed> Stage { get; } =
        new Dictionary<(DealStage, DealStage), Allowed>
        {
            [(DealStage.Qualification, DealStage.Proposal)] = Allowed.AnyEditor,
            [(DealStage.Qualification, DealStage.Negotiation)] = Allowed.AnyEditor,
            [(DealStage.Proposal, DealStage.Negotiation)] = Allowed.AnyEditor,
            [(DealStage.Proposal, DealStage.Qualification)] = Allowed.Administrators,
            [(DealStage.Negotiation, DealStage.Qualification)] = Allowed.Administrators,
            [(DealStage.Negotiation, DealStage.Proposal)] = Allowed.Administrators,
        };

    /// <summary>The stage a reopened deal returns to unless the change names another.</summary>
    public const DealStage ReopenedStage = DealStage.Negotiation;

    public static bool IsFinal(this DealStatus status) => status is DealStatus.Won or DealStatus.Lost;

    public static bool Permits(this Allowed allowed, MemberRole role) =>
        allowed == Allowed.AnyEditor || role.IsAdministrator();
}
