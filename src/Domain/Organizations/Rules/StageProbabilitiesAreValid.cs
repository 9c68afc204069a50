using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>Stage probabilities name only open stages (qualification, proposal, negotiation), each a whole percent from 0 to 100.</summary>
public sealed record StageProbabilitiesAreValid(IReadOnlyDictionary<string, int> Changes) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidStageProbability;

    public string Message =>
        Changes.FirstOrDefault(c => !StageProbabilities.OpenStageNames.Contains(c.Key)) is { Key: not null } unknown
            ? $"'{unknown.Key}' is not an open stage; stage_probabilities takes {string.Join(", ", StageProbabilities.OpenStageNames)}."
            : Changes.FirstOrDefault(c => c.Value is < StageProbabilities.Min or > StageProbabilities.Max) is { Key: not null } outOfRange
                ? $"The probability of {outOfRange.Key} is {outOfRange.Value}; it must be from {StageProbabilities.Min} to {StageProbabilities.Max}."
                : Error.Title;

    public bool IsBroken() => Changes.Any(c =>
        !StageProbabilities.OpenStageNames.Contains(c.Key) || c.Value is < StageProbabilities.Min or > StageProbabilities.Max);
}
