using Crm.Domain.Deals;

namespace Crm.Domain.Organizations;

/// <summary>
/// The chance, in percent, that an open deal in each open stage is won: the weights of the forecast. A closed deal
/// is not weighted (it is won or lost already).
/// </summary>
public sealed record StageProbabilities(int Qualification, int Proposal, int Negotiation)
{
    public const int Min = 0;

    public const int Max = 100;

    public static readonly StageProbabilities Default = new(10, 30, 60);

    /// <summary>The open stages, by their names in the API.</summary>
    public static readonly IReadOnlyList<string> OpenStageNames = ["qualification", "proposal", "negotiation"];

    /// <summary>The probability of a deal in <paramref name="stage"/>; 0 for the closed stage.</summary>
    public int Of(DealStage stage) => stage switch
    {
        DealStage.Qualification => Qualification,
        DealStage.Proposal => Proposal,
        DealStage.Negotiation => Negotiation,
        _ => 0,
    };

    /// <summary>These probabilities with the stages named in <paramref name="changes"/> replaced (checked already).</summary>
    public StageProbabilities With(IReadOnlyDictionary<string, int> changes) => new(
        changes.GetValueOrDefault("qualification", Qualification),
        changes.GetValueOrDefault("proposal", Proposal),
        changes.GetValueOrDefault("negotiation", Negotiation));
}
